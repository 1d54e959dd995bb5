import { useEffect } from "react";
import type { RoundEndNotice as Notice } from "../room/room-state.js";

const NOTICE_MS = 6_000;

function describe(n: Notice): string {
  switch (n.reason) {
    case "completed":
      return `Round “${n.title}” complete.`;
    case "timeout":
      return `Time is up: round “${n.title}” is over.`;
    case "ended":
      return `Round “${n.title}” ended.`;
  }
}

/** A short-lived banner between rounds; it dismisses itself. */
export function RoundEndNotice({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  useEffect(() => {
    const id = setTimeout(onDismiss, NOTICE_MS);
    return () => clearTimeout(id);
  }, [notice, onDismiss]);
  return (
    <div className="notice" role="status" data-testid="round-end">
      {describe(notice)}
    </div>
  );
}
