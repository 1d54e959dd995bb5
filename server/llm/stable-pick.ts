/** One of `items` by a stable small hash of `key`, so a re-run graph node picks the same one (nodes must be idempotent). */
export function stablePick<T>(items: readonly T[], key: string): T {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return items[h % items.length]!;
}
