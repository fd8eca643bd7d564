import type { ComponentChildren } from "preact";

/** An empty list: what it will hold, and what to do. */
export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return <p class="empty"><strong>{title}</strong>{children}</p>;
}

/** A refusal, in a plain sentence, next to the control that caused it. */
export function Refusal({ message }: { message: string | null | undefined }) {
  return message ? <p class="refusal" role="alert">{message}</p> : null;
}

/** What just succeeded ("Votre vote est enregistré"). */
export function Confirmation({ message }: { message: string | null | undefined }) {
  return message ? <p class="confirmation" role="status">{message}</p> : null;
}
