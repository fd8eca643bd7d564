import { useCallback, useRef, useState } from "preact/hooks";
import type { CallResult } from "./call";

export interface ActionState {
  /** A call is on its way: its control is disabled, so a double tap never sends twice. */
  pending: boolean;
  /** The last refusal's sentence, shown next to the control that caused it. */
  error: string | null;
  /** The last call succeeded (for a confirmation). */
  done: boolean;
}

/**
 * One control's call to the hub: at most one at a time, its refusal kept for display beside
 * it. `run` resolves to whether the call succeeded.
 */
export function useAction(): [(call: () => Promise<CallResult<unknown>>) => Promise<boolean>, ActionState, () => void] {
  const [state, setState] = useState<ActionState>({ pending: false, error: null, done: false });
  const busy = useRef(false);
  const run = useCallback(async (call: () => Promise<CallResult<unknown>>) => {
    if (busy.current) return false;
    busy.current = true;
    setState({ pending: true, error: null, done: false });
    const result = await call();
    busy.current = false;
    setState({ pending: false, error: result.ok ? null : result.sentence, done: result.ok });
    return result.ok;
  }, []);
  const clear = useCallback(() => setState({ pending: false, error: null, done: false }), []);
  return [run, state, clear];
}
