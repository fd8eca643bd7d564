import type { ButtonHTMLAttributes, ComponentChildren } from "preact";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "size"> & {
  kind?: "primary" | "quiet" | "danger";
  small?: boolean;
  wide?: boolean;
  /** The keyboard shortcut that does the same, shown on the button. */
  shortcut?: string;
  /** A call is on its way: disabled, so it cannot be sent twice. */
  pending?: boolean;
  children: ComponentChildren;
};

/** A button with a verb on it; `shortcut` shows its key. */
export function Button({ kind, small, wide, shortcut, pending, children, disabled, ...rest }: Props) {
  const classes = ["btn", kind, small && "small", wide && "wide"].filter(Boolean).join(" ");
  return (
    <button type="button" {...rest} class={classes} disabled={disabled || pending} aria-keyshortcuts={shortcut ? ariaKey(shortcut) : undefined}>
      {children}
      {shortcut && <kbd aria-hidden="true">{shortcut}</kbd>}
    </button>
  );
}

const ariaKey = (key: string) => ({ "←": "ArrowLeft", "→": "ArrowRight", "Espace": "Space", "?": "Shift+?" } as Record<string, string>)[key] ?? key;
