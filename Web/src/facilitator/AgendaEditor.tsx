import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { ActivityKind, AgendaActivity, Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Confirmation, Refusal } from "../ui/States";

const KINDS: ActivityKind[] = ["text", "poll", "opinion", "questions", "speaking", "break"];
type Draft = Omit<AgendaActivity, "id"> & { id?: string; key: number };
let keys = 0;
const draftOf = (a: AgendaActivity): Draft => ({ ...a, key: ++keys });

/** The agenda as the polls and maps already prepared suggest it, for a first start. */
function suggested(s: Snapshot): Draft[] {
  return [
    ...s.polls.map((p): Draft => ({ key: ++keys, kind: "poll", title: p.question, durationMinutes: 5, pollId: p.id, openOnStart: true, showTimer: false })),
    ...(s.opinions ?? []).map((o): Draft => ({ key: ++keys, kind: "opinion", title: o.topic, durationMinutes: 20, opinionId: o.id, openOnStart: true, showTimer: false })),
    { key: ++keys, kind: "questions", title: t("facilitator.questionsActivity"), durationMinutes: 15, openOnStart: false, showTimer: false },
  ];
}

/**
 * Préparer's agenda: the café's activities in order, each with its kind, title, duration, notes
 * and switches; added, edited, moved and removed here, then saved whole (SetAgenda). The server
 * checks it and names the field at fault.
 */
export function AgendaEditor({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [items, setItems] = useState<Draft[]>(() => (s.agenda ?? []).map(draftOf));
  const [dirty, setDirty] = useState(false);
  const [run, state] = useAction();
  // Another screen (a co-facilitator, a pushed format) changed the agenda: follow it unless this one has unsaved edits.
  useEffect(() => { if (!dirty) setItems((s.agenda ?? []).map(draftOf)); }, [s.agenda]);
  const edit = (next: Draft[]) => { setItems(next); setDirty(true); };
  const change = (key: number, patch: Partial<Draft>) => edit(items.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  const move = (i: number, by: number) => {
    const next = [...items];
    const [a] = next.splice(i, 1);
    next.splice(i + by, 0, a);
    edit(next);
  };
  const save = async () => {
    const saved = await run(() => session.call("SetAgenda", {
      activities: items.map(({ key: _key, ...a }) => ({
        ...a,
        pollId: a.kind === "poll" ? a.pollId : undefined,
        opinionId: a.kind === "opinion" ? a.opinionId : undefined,
        openOnStart: a.kind === "poll" || a.kind === "opinion" ? a.openOnStart : false,
      })),
    }));
    if (saved) setDirty(false);
  };
  return (
    <section aria-labelledby="agenda-editor-heading" class="card agenda-editor">
      <h2 id="agenda-editor-heading">{t("agenda.editorHeading")}</h2>
      <p class="meta">{t("agenda.editorHelp")}</p>
      {!items.length && (s.polls.length > 0 || (s.opinions?.length ?? 0) > 0) &&
        <Button kind="quiet" onClick={() => edit(suggested(s))}>{t("agenda.suggest")}</Button>}
      <ol class="agenda-items">
        {items.map((a, i) => {
          const id = `act-${a.key}`;
          return (
            <li key={a.key} class="agenda-item">
              <fieldset>
                <legend>{t("agenda.itemLegend", { n: i + 1, title: a.title || "…" })}</legend>
                <div class="row fields">
                  <div class="field">
                    <label for={`${id}-kind`}>{t("agenda.kind")}</label>
                    <select id={`${id}-kind`} value={a.kind} onChange={(e) => change(a.key, { kind: e.currentTarget.value as ActivityKind })}>
                      {KINDS.map((k) => <option key={k} value={k}>{t(`agenda.kind.${k}`)}</option>)}
                    </select>
                  </div>
                  <div class="field grow">
                    <label for={`${id}-title`}>{t("agenda.title")}</label>
                    <input id={`${id}-title`} required maxLength={120} value={a.title} onInput={(e) => change(a.key, { title: e.currentTarget.value })} />
                  </div>
                  <div class="field narrow">
                    <label for={`${id}-minutes`}>{t("agenda.duration")}</label>
                    <input id={`${id}-minutes`} type="number" min={0} max={600} inputMode="numeric" value={a.durationMinutes}
                      onInput={(e) => change(a.key, { durationMinutes: Number(e.currentTarget.value) || 0 })} />
                  </div>
                </div>
                {a.kind === "poll" && (
                  <div class="field">
                    <label for={`${id}-poll`}>{t("agenda.poll")}</label>
                    <select id={`${id}-poll`} value={a.pollId ?? ""} onChange={(e) => change(a.key, { pollId: e.currentTarget.value || undefined })}>
                      <option value="">{t("agenda.choose")}</option>
                      {s.polls.map((p) => <option key={p.id} value={p.id}>{p.question}</option>)}
                    </select>
                  </div>
                )}
                {a.kind === "opinion" && (
                  <div class="field">
                    <label for={`${id}-opinion`}>{t("agenda.opinion")}</label>
                    <select id={`${id}-opinion`} value={a.opinionId ?? ""} onChange={(e) => change(a.key, { opinionId: e.currentTarget.value || undefined })}>
                      <option value="">{t("agenda.choose")}</option>
                      {(s.opinions ?? []).map((o) => <option key={o.id} value={o.id}>{o.topic}</option>)}
                    </select>
                  </div>
                )}
                <div class="field">
                  <label for={`${id}-notes`}>{t("agenda.notesLabel")}</label>
                  <textarea id={`${id}-notes`} rows={2} maxLength={2000} value={a.notes ?? ""} onInput={(e) => change(a.key, { notes: e.currentTarget.value || undefined })} />
                </div>
                <div class="row">
                  {(a.kind === "poll" || a.kind === "opinion") && (
                    <label class="inline"><input type="checkbox" checked={a.openOnStart} onChange={(e) => change(a.key, { openOnStart: e.currentTarget.checked })} /> {t("agenda.openOnStart")}</label>
                  )}
                  <label class="inline"><input type="checkbox" checked={a.showTimer} onChange={(e) => change(a.key, { showTimer: e.currentTarget.checked })} /> {t("agenda.showTimer")}</label>
                </div>
                <div class="row">
                  <Button kind="quiet" small disabled={i === 0} onClick={() => move(i, -1)}>{t("agenda.up")}</Button>
                  <Button kind="quiet" small disabled={i === items.length - 1} onClick={() => move(i, 1)}>{t("agenda.down")}</Button>
                  <Button kind="quiet" small onClick={() => edit(items.filter((x) => x.key !== a.key))}>{t("agenda.remove")}</Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div class="row">
        <Button kind="quiet" onClick={() => edit([...items, { key: ++keys, kind: "text", title: "", durationMinutes: 10, openOnStart: false, showTimer: true }])}>{t("agenda.add")}</Button>
        <Button kind="primary" pending={state.pending} disabled={!dirty} onClick={save}>{t("agenda.save")}</Button>
      </div>
      <Refusal message={state.error} />
      <Confirmation message={state.done && !dirty ? t("agenda.saved") : null} />
    </section>
  );
}
