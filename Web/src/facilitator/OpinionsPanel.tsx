import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import type { Opinion } from "../lib/opinions";
import { HeldStatements } from "../moderator/HeldStatements";
import { t, tn } from "../lib/i18n";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Card } from "../ui/Card";
import { Field } from "../ui/Field";
import { Confirmation, EmptyState, Refusal } from "../ui/States";

/** The opinion maps, prepared ahead: a topic and seed statements; then open, show, close; statements to review. */
export function OpinionsPanel({ s, session }: { s: Snapshot; session: LiveSession }) {
  const opinions = s.opinions ?? [];
  return (
    <div class="panel two">
      <CreateOpinion session={session} />
      <section aria-labelledby="opinions-heading">
        <h2 id="opinions-heading">{t("opinion.heading")}</h2>
        {opinions.length === 0
          ? <EmptyState title={t("opinion.none")} />
          : <ol class="stack" id="opinions">{opinions.map((o) => <li key={o.id}><OpinionControls opinion={o} session={session} /></li>)}</ol>}
      </section>
    </div>
  );
}

function CreateOpinion({ session }: { session: LiveSession }) {
  const [topic, setTopic] = useState("");
  const [seeds, setSeeds] = useState("");
  const [run, state] = useAction();
  return (
    <form id="opinion-form" class="card" onSubmit={async (e) => {
      e.preventDefault();
      const statements = seeds.split("\n").map((l) => l.trim()).filter(Boolean);
      if (await run(() => session.call("CreateOpinion", { topic, statements }))) { setTopic(""); setSeeds(""); }
    }}>
      <h2>{t("opinion.create")}</h2>
      <Field id="opinion-topic" label={t("opinion.topicLabel")}>
        <input id="opinion-topic" required maxLength={200} value={topic} onInput={(e) => setTopic(e.currentTarget.value)} />
      </Field>
      <Field id="opinion-seeds" label={t("opinion.seedLabel")}>
        <textarea id="opinion-seeds" rows={6} value={seeds} onInput={(e) => setSeeds(e.currentTarget.value)} />
      </Field>
      <button type="submit" class="btn primary" disabled={state.pending}>{t("opinion.create")}</button>
      <Refusal message={state.error} />
      <Confirmation message={state.done ? t("opinion.heading") : null} />
    </form>
  );
}

/** One opinion's switches: open or close, show it on the room's screen; its statements held for review. */
export function OpinionControls({ opinion, session }: { opinion: Opinion; session: LiveSession }) {
  const [run, state] = useAction();
  const held = opinion.statements.filter((st) => st.status === "pending");
  return (
    <Card class="opinion-controls" data-opinion={opinion.id}>
      <h3>{opinion.topic}</h3>
      <p class="meta">{t(`opinion.state.${opinion.state}`)} · {tn("opinion.statements", opinion.statements.filter((st) => st.status === "approved").length)} · {tn("opinion.voters", opinion.voters)}</p>
      <div class="row">
        {opinion.state !== "open" && opinion.state !== "closed" && <Button small kind="primary" pending={state.pending} onClick={() => run(() => session.call("OpenOpinion", { opinionId: opinion.id }))}>{t("opinion.open")}</Button>}
        {opinion.state === "open" && <Button small pending={state.pending} onClick={() => run(() => session.call("CloseOpinion", { opinionId: opinion.id }))}>{t("opinion.close")}</Button>}
        {opinion.state !== "draft" && <Button small pending={state.pending} onClick={() => run(() => session.call("SetScreen", { view: "opinion", opinionId: opinion.id }))}>{t("opinion.show")}</Button>}
      </div>
      <Refusal message={state.error} />
      {held.length > 0 && <HeldStatements opinion={opinion} held={held} session={session} />}
    </Card>
  );
}
