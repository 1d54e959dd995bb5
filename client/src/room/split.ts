/** The question panel's share of the room's width: kept between these, remembered per browser. */
export const SPLIT_MIN = 0.25;
export const SPLIT_MAX = 0.75;
export const SPLIT_DEFAULT = 0.42;
export const SPLIT_STEP = 0.05;
const KEY = "mi.room.split";

export const clampSplit = (r: number) => (Number.isFinite(r) ? Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, r)) : SPLIT_DEFAULT);

export function loadSplit(): number {
  try {
    const raw = localStorage.getItem(KEY);
    return raw === null ? SPLIT_DEFAULT : clampSplit(Number(raw));
  } catch {
    return SPLIT_DEFAULT;
  }
}

export function saveSplit(r: number): void {
  try {
    localStorage.setItem(KEY, String(clampSplit(r)));
  } catch {
    // Storage disabled: the split just is not remembered.
  }
}
