import type { ComponentChildren, HTMLAttributes } from "preact";

/** A surface that groups one thing (a question, a poll, a link). */
export function Card({ children, class: extra, ...rest }: Omit<HTMLAttributes<HTMLElement>, "role"> & { children: ComponentChildren }) {
  return <article {...rest} class={["card", extra].filter(Boolean).join(" ")}>{children}</article>;
}
