import type { ComponentChildren } from "preact";

/** A page's thin top bar: title and tools (badge, language). In the flow: it never covers content. */
export function Header({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <header class="app-header">
      <h1 class="title">{title}</h1>
      <div class="tools">{children}</div>
    </header>
  );
}
