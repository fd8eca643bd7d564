import type { ComponentChildren } from "preact";

/** A form field: label above, an optional hint, the control, and its error right under it. */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string | null; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      {error && <p class="refusal" id={`${id}-error`} role="alert">{error}</p>}
    </div>
  );
}
