import type { LiveSession } from "../session/live";
import type { Opinion, Statement } from "../lib/opinions";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Refusal } from "../ui/States";

/** Statements waiting for a moderator: publish or hide, one tap each. */
export function HeldStatements({ opinion, held, session }: { opinion: Opinion; held: Statement[]; session: LiveSession }) {
  const [run, state] = useAction();
  return (
    <section class="held-statements" aria-labelledby={`held-${opinion.id}`}>
      <h4 id={`held-${opinion.id}`}>{t("opinion.heldHeading")}</h4>
      <ul class="stack">
        {held.map((st) => (
          <li key={st.id} data-statement={st.id}>
            <p>{st.text}</p>
            <div class="row">
              <Button small kind="primary" pending={state.pending} onClick={() => run(() => session.call("ApproveStatement", { opinionId: opinion.id, statementId: st.id }))}>{t("opinion.approve")}</Button>
              <Button small pending={state.pending} onClick={() => run(() => session.call("HideStatement", { opinionId: opinion.id, statementId: st.id }))}>{t("opinion.hide")}</Button>
            </div>
          </li>
        ))}
      </ul>
      <Refusal message={state.error} />
    </section>
  );
}
