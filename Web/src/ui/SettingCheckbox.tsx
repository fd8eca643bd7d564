import { useState } from "preact/hooks";
import type { CallResult } from "../session/call";
import { useAction } from "../session/action";
import { Confirmation, Refusal } from "./States";

/**
 * A setting the server holds: shows the server's value, except while a change is on its way,
 * when it shows the value asked for (and goes back if the server refuses).
 */
export function SettingCheckbox({ id, label, value, onChange, done }: {
  id: string; label: string; value: boolean; onChange: (wanted: boolean) => Promise<CallResult<unknown>>; done: (value: boolean) => string;
}) {
  const [run, state] = useAction();
  const [wanted, setWanted] = useState(value);
  return (
    <div>
      <label class="choice"><input type="checkbox" id={id} checked={state.pending ? wanted : value}
        onChange={(e) => { const next = e.currentTarget.checked; setWanted(next); void run(() => onChange(next)); }} /> {label}</label>
      <Refusal message={state.error} />
      <Confirmation message={state.done ? done(value) : null} />
    </div>
  );
}
