import { useEffect, useRef, type RefObject } from "react";

/**
 * False once the component is gone. Acks can land after a question's panel
 * unmounted (the next question started); their outcome no longer concerns it.
 */
export function useMounted(): RefObject<boolean> {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
