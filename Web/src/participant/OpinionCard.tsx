import { useState } from "preact/hooks";
import { Minus, ThumbsDown, ThumbsUp, type IconNode } from "lucide";
import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { groupName, statementOf, type Opinion, type OpinionGroup, type Statement, type StatementVote } from "../lib/opinions";
import { formatNumber, t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Card } from "../ui/Card";
import { Listen } from "../ui/Listen";
import { Pictogram } from "../ui/Pictogram";
import { Confirmation, Refusal } from "../ui/States";

/** The three answers to a statement, each with its pictogram. */
export const stances: Array<[StatementVote, IconNode]> = [["agree", ThumbsUp], ["disagree", ThumbsDown], ["pass", Minus]];

/** The vote the server accepted, and the statement it picked next: broadcasts never carry them. */
function remember(session: LiveSession, opinion: Opinion, statementId: string, vote: StatementVote, next: string | null) {
  session.connection.store.markOpinion(opinion.id, (o) => ({
    ...o, next, statements: o.statements.map((st) => (st.id === statementId ? { ...st, myVote: vote } : st)),
  }));
}

/**
 * An opinion on the phone: one statement at a time, the one the server picked (`next`), with
 * three large answers; "your group" once the map has placed this participant; then a short form
 * to add a statement. Earlier votes can be reviewed and changed.
 */
export function OpinionCard({ opinion, s, session }: { opinion: Opinion; s: Snapshot; session: LiveSession }) {
  const [run, state] = useAction();
  const lang = s.language ?? "fr";
  const current = statementOf(opinion, opinion.next);
  const approved = opinion.statements.filter((st) => st.status === "approved");
  const voted = approved.filter((st) => st.myVote !== undefined);
  const open = opinion.state === "open";
  const vote = (statement: Statement, v: StatementVote) => run(async () => {
    const r = await session.call<{ next: string | null }>("VoteStatement", { opinionId: opinion.id, statementId: statement.id, vote: v });
    if (r.ok) remember(session, opinion, statement.id, v, r.value.next ?? null);
    return r;
  });
  return (
    <Card class="opinion" data-opinion={opinion.id}>
      <p class="kicker">{t("opinion.kicker")}</p>
      <h2>{opinion.topic}</h2>
      <YourGroup opinion={opinion} />
      {!open && <p class="note">{t("opinion.closed")}</p>}
      {open && current && (
        <section class="statement-now" aria-labelledby={`statement-${current.id}`} data-statement={current.id}>
          <p class="statement-text" id={`statement-${current.id}`}>{current.text}</p>
          <Listen text={current.text} lang={lang} />
          <div class="stances" role="group" aria-labelledby={`statement-${current.id}`}>
            {stances.map(([v, icon]) => (
              <button type="button" key={v} class={`btn stance ${v}`} data-vote={v} disabled={state.pending} onClick={() => void vote(current, v)}>
                <Pictogram icon={icon} /> {t(`opinion.${v}`)}
              </button>
            ))}
          </div>
        </section>
      )}
      {open && !current && approved.length > 0 && <p class="note" id="all-voted">{t("opinion.allVoted")}</p>}
      <Refusal message={state.error} />
      {approved.length > 0 && <p class="meta" id="opinion-progress">{t("opinion.progress", { n: formatNumber(voted.length), count: formatNumber(approved.length) })}</p>}
      {open && <AddStatement opinion={opinion} s={s} session={session} />}
      <MyPending opinion={opinion} />
      {voted.length > 0 && (
        <details class="my-votes">
          <summary>{t("opinion.reviewVotes")}</summary>
          <ul class="stack">
            {voted.map((st) => (
              <li key={st.id} data-statement={st.id}>
                <p>{st.text}</p>
                <div class="stances small" role="group" aria-label={t("opinion.yourVote", { vote: t(`opinion.${st.myVote!}`) })}>
                  {stances.map(([v, icon]) => (
                    <button type="button" key={v} class="btn small stance" aria-pressed={st.myVote === v} disabled={!open || state.pending}
                      onClick={() => void vote(st, v)}><Pictogram icon={icon} size={20} /> {t(`opinion.${v}`)}</button>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}

/** Once clustered: this participant's group, and what defines it; in a pushed opinion, their national group too. */
function YourGroup({ opinion }: { opinion: Opinion }) {
  const me = opinion.me;
  const voted = opinion.statements.some((st) => st.myVote !== undefined);
  const national = opinion.nationalGroup ?? null;
  if (!me && national === null) return voted ? <p class="meta" id="your-group-pending">{t("opinion.notYet")}</p> : null;
  return (
    <>
      {me && <GroupCard id="your-group" opinion={opinion} group={me.group} groups={opinion.groups}
        heading={t("opinion.yourGroup", { group: groupName(me.group) })} hint={t("opinion.yourGroupHint")} />}
      {national !== null && <GroupCard id="your-national-group" opinion={opinion} group={national} groups={opinion.national?.groups ?? []}
        heading={t("opinion.nationalGroup", { group: groupName(national) })} hint={t("opinion.nationalGroupHint")} />}
    </>
  );
}

/** A group this participant is in, with the statements that define it (the server's order). */
function GroupCard({ id, opinion, group, groups, heading, hint }: {
  id: string; opinion: Opinion; group: number; groups: OpinionGroup[]; heading: string; hint: string;
}) {
  const defining = groups.find((g) => g.id === group)?.representative ?? [];
  return (
    <section class={`your-group g${group % 7}`} id={id} data-group={group} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}><span class={`group-swatch g${group % 7}`} aria-hidden="true" />{heading}</h3>
      {defining.length > 0 && <>
        <p class="meta">{hint}</p>
        <ul class="representative">
          {defining.slice(0, 2).map((r) => {
            const st = statementOf(opinion, r.statementId);
            return st && <li key={r.statementId}>{st.text} <span class="meta">— {t(r.agrees ? "opinion.agreeRate" : "opinion.disagreeRate", { rate: formatNumber(Math.round(r.agreeRate * 100)) })}</span></li>;
          })}
        </ul>
      </>}
    </section>
  );
}

function AddStatement({ opinion, s, session }: { opinion: Opinion; s: Snapshot; session: LiveSession }) {
  const [text, setText] = useState("");
  const [run, state] = useAction();
  const [sent, setSent] = useState<string | null>(null);
  const id = `add-statement-${opinion.id}`;
  return (
    <form class="add-statement" onSubmit={async (e) => {
      e.preventDefault();
      setSent(null);
      const ok = await run(() => session.call("AddStatement", { opinionId: opinion.id, text }));
      if (ok) {
        setText("");
        setSent(t(s.preModeration ? "opinion.addedForReview" : "opinion.added"));
      }
    }}>
      <div class="field">
        <label for={id}>{t("opinion.addLabel")}</label>
        <p class="hint" id={`${id}-hint`}>{t("opinion.addHint")}</p>
        <textarea id={id} rows={2} maxLength={140} required aria-describedby={`${id}-hint`} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <button type="submit" class="btn" disabled={state.pending}>{t("common.send")}</button>
      <Refusal message={state.error} />
      <Confirmation message={sent} />
    </form>
  );
}

function MyPending({ opinion }: { opinion: Opinion }) {
  const mine = opinion.statements.filter((st) => st.mine && st.status === "pending");
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby={`pending-${opinion.id}`}>
      <h3 id={`pending-${opinion.id}`}>{t("opinion.myPending")}</h3>
      <ul class="stack">{mine.map((st) => <li key={st.id} data-statement={st.id}>{st.text} <span class="meta">· {t("opinion.pending")}</span></li>)}</ul>
    </section>
  );
}
