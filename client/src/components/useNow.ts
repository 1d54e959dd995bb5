import { useEffect, useState } from "react";

/** The client clock, re-read every `intervalMs`; drives countdowns without a timer per digit. */
export function useNow(intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
