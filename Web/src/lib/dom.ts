// Every piece of user text goes through textContent: it is never parsed as HTML.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean | number | ((e: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, "").toLowerCase(), value);
    // CSSOM, not the style attribute: a strict Content-Security-Policy allows only the former.
    else if (name === "style") el.style.cssText = String(value);
    else if (value === true) el.setAttribute(name, "");
    else if (value !== false) el.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

export function show(el: HTMLElement, visible: boolean): void {
  el.hidden = !visible;
}

/** Says something in the page's status line (an aria-live region). */
export function say(text: string, kind: "info" | "error" = "info"): void {
  const status = document.getElementById("status");
  if (status) {
    status.textContent = text;
    status.dataset.kind = kind;
  }
}

/**
 * Re-rendering replaces elements: give the focus back to the same control (keyboard users), and
 * keep what was being typed in fields and which disclosure panels were open (keyed by data-focus).
 */
export function keepFocus(rerender: () => void): void {
  const key = (document.activeElement as HTMLElement | null)?.dataset?.focus;
  const typed = new Map<string, string>();
  document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("[data-focus][data-keep]")
    .forEach((el) => typed.set(el.dataset.focus!, el.value));
  const open = new Set<string>();
  document.querySelectorAll<HTMLDetailsElement>("details[data-focus][open]").forEach((el) => open.add(el.dataset.focus!));
  rerender();
  for (const [k, value] of typed) {
    const el = document.querySelector<HTMLInputElement>(`[data-focus="${CSS.escape(k)}"]`);
    if (el) el.value = value;
  }
  for (const k of open) document.querySelector<HTMLDetailsElement>(`details[data-focus="${CSS.escape(k)}"]`)?.setAttribute("open", "");
  if (key) document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`)?.focus();
}
