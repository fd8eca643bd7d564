import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";

export interface Tab { id: string; label: string; count?: number }

/**
 * WAI-ARIA tabs: one tab stop, ←/→ (and Home/End) move between tabs and select them. The panel
 * is the caller's, labelled by the selected tab (`tab-{id}`), with id `panel-{id}`.
 */
export function Tabs({ tabs, selected, onSelect, label, children }: {
  tabs: Tab[]; selected: string; onSelect: (id: string) => void; label: string; children: ComponentChildren;
}) {
  const list = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const next = e.key === "ArrowRight" ? (i + 1) % tabs.length : e.key === "ArrowLeft" ? (i - 1 + tabs.length) % tabs.length
      : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    e.stopPropagation();
    onSelect(tabs[next].id);
    list.current?.querySelector<HTMLElement>(`#tab-${tabs[next].id}`)?.focus();
  };
  return (
    <div class="tabbed">
      <div class="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={move}>
        {tabs.map((t) => (
          <button type="button" role="tab" id={`tab-${t.id}`} key={t.id} aria-selected={t.id === selected} aria-controls={t.id === selected ? `panel-${t.id}` : undefined}
            tabIndex={t.id === selected ? 0 : -1} onClick={() => onSelect(t.id)}>
            {t.label}{t.count !== undefined && <span class="count">{t.count}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`} class="tab-panel">{children}</div>
    </div>
  );
}
