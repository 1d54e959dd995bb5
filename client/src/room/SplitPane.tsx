import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { clampSplit, loadSplit, saveSplit, SPLIT_STEP } from "./split.js";

/**
 * Question on the left, answer on the right, with a draggable (and
 * keyboard-movable) divider between them. Narrow screens stack the two and
 * hide the divider (CSS).
 */
export function SplitPane({ left, right }: { left: ReactNode; right: ReactNode }) {
  const [ratio, setRatio] = useState(loadSplit);
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  useEffect(() => saveSplit(ratio), [ratio]);

  const moveTo = useCallback((clientX: number) => {
    const rect = box.current?.getBoundingClientRect();
    if (rect && rect.width > 0) setRatio(clampSplit((clientX - rect.left) / rect.width));
  }, []);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => dragging.current && moveTo(e.clientX);
  const onPointerUp = () => {
    dragging.current = false;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === "ArrowLeft" ? -SPLIT_STEP : e.key === "ArrowRight" ? SPLIT_STEP : 0;
    if (e.key === "Home") setRatio(clampSplit(0));
    else if (e.key === "End") setRatio(clampSplit(1));
    else if (step !== 0) setRatio((r) => clampSplit(r + step));
    else return;
    e.preventDefault();
  };
  const percent = Math.round(ratio * 100);
  return (
    <div className="split" ref={box} style={{ ["--split" as string]: `${percent}%` }} data-testid="room-split">
      <div className="split-pane split-left">{left}</div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the question and answer panels"
        aria-valuemin={Math.round(clampSplit(0) * 100)}
        aria-valuemax={Math.round(clampSplit(1) * 100)}
        aria-valuenow={percent}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
        data-testid="split-divider"
      />
      <div className="split-pane split-right">{right}</div>
    </div>
  );
}
