import { useNow } from "./useNow.js";

type Props = {
  /** Server-clock epoch ms when the round ends; null when untimed (practice mode). */
  endsAt: number | null;
  /** serverClock - clientClock, so the server's deadline can be compared with Date.now(). */
  clockOffset: number;
  /** The round has ended; stop counting instead of sitting at 00:00. */
  over?: boolean;
};

export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

export function Countdown({ endsAt, clockOffset, over = false }: Props) {
  const now = useNow();
  if (endsAt === null) {
    return (
      <span className="countdown untimed" data-testid="countdown" title="Practice mode has no clock">
        untimed
      </span>
    );
  }
  const left = endsAt - (now + clockOffset);
  const label = over ? "00:00" : formatClock(left);
  const urgency = over || left <= 0 ? "expired" : left < 60_000 ? "low" : "";
  return (
    <span className={`countdown ${urgency}`} data-testid="countdown" role="timer" aria-label="Time left in this round">
      {label}
    </span>
  );
}
