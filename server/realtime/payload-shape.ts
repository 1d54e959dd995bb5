/** Every client payload is a small, flat object: a few keys, a short list of round ids at most. */
const MAX_NODES = 200;
const MAX_DEPTH = 4;

/**
 * A cheap, bounded look at a payload's shape before zod reads it: a message
 * with a hundred thousand keys or elements (well under the byte limit) is
 * refused here in microseconds, instead of costing a full validation and an
 * error listing every one of them. Iterative, so depth cannot overflow the stack.
 */
export function payloadShapeProblem(raw: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: raw, depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    // socket.io delivers binary attachments as Buffers, whose for-in keys are Buffer's method names: named here instead.
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return "payload holds binary data; every event takes JSON text fields";
    if (depth >= MAX_DEPTH) return `payload is nested more than ${MAX_DEPTH} levels deep`;
    const tooMany = `payload has more than ${MAX_NODES} fields and list items; every event takes a small object`;
    if (Array.isArray(value)) {
      nodes += value.length;
      if (nodes > MAX_NODES) return tooMany;
      for (const child of value) stack.push({ value: child, depth: depth + 1 });
      continue;
    }
    // for-in stops at the limit instead of listing every key of a huge object first.
    for (const key in value) {
      if (++nodes > MAX_NODES) return tooMany;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
