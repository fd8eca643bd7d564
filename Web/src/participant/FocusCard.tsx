import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { EmptyState } from "../ui/States";
import { PollCard } from "./PollsTab";
import { QuestionItem } from "./QuestionsTab";
import { OpinionCard } from "./OpinionCard";

/** What the room is doing now, first on the phone: the focus poll, the pinned question, or a calm wait. */
export function FocusCard({ s, session }: { s: Snapshot; session: LiveSession }) {
  const screen = s.screen ?? { view: "join" };
  const poll = screen.view === "activity" ? s.polls.find((p) => p.id === screen.pollId) : undefined;
  const pinned = s.questions.find((q) => q.status === "pinned");
  const opinion = screen.view === "opinion" ? s.opinions?.find((o) => o.id === screen.opinionId && o.state !== "draft") : undefined;
  let body;
  if (opinion) body = <OpinionCard opinion={opinion} s={s} session={session} />;
  else if (poll && poll.state !== "draft") body = <PollCard poll={poll} session={session} programme={session.programme.value} place="focus" />;
  else if (screen.view === "pinned" && pinned) body = <><p class="kicker">{t("common.inDiscussion")}</p><ul class="stack"><QuestionItem q={pinned} session={session} /></ul></>;
  else if (s.state === "ended") body = <EmptyState title={t("participant.ended")}>{t("participant.endedHint")}</EmptyState>;
  else if (screen.view === "questions") body = <EmptyState title={t("participant.askNow")}>{t("participant.askNowHint")}</EmptyState>;
  else body = <EmptyState title={t("screen.nextSoon")}>{t("participant.waitHint")}</EmptyState>;
  return <section class="focus-card" aria-label={t("participant.now")}>{body}</section>;
}
