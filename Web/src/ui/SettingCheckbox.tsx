import { useRef, useState } from "preact/hooks";
import type { CallResult } from "../session/call";
import { useAction } from "../session/action";
import { Confirmation, Refusal } from "./States";

/**
 * A setting the server holds: shows the server's value, except while a change is on its way,
 * when it shows the value asked for (and goes back if the server refuses). The server's answer
 * and its state push travel apart, so an accepted change keeps showing the value asked for until
 * the pushed state moves: the box never flickers back in between.
 */
export function SettingCheckbox({ id, label, value, onChange, done }: {
  id: string; label: string; value: boolean; onChange: (wanted: boolean) => Promise<CallResult<unknown>>; done: (value: boolean) => string;
}) {
  const [run, state] = useAction();
  const [wanted, setWanted] = useState(value);
  const valueAtClick = useRef<boolean | null>(null);
  if (valueAtClick.current !== null && value !== valueAtClick.current) valueAtClick.current = null; // the push came
  const awaitingPush = state.done && valueAtClick.current !== null;
  const shown = state.pending || awaitingPush ? wanted : value;
  return (
    <div>
      <label class="choice"><input type="checkbox" id={id} checked={shown}
        onChange={(e) => {
          const next = e.currentTarget.checked;
          valueAtClick.current = value;
          setWanted(next);
          void run(() => onChange(next));
        }} /> {label}</label>
      <Refusal message={state.error} />
      <Confirmation message={state.done ? done(shown) : null} />
    </div>
  );
}
