import type { Opinion, OpinionEvent } from "./opinions";
// The public protocol as TypeScript types (docs/PROTOCOL.md is the reference).

import { currentLang, t } from "./i18n";

export type Mode = "onsite" | "remote";
export type Role = "participant" | "moderator" | "facilitator" | "projector" | "kiosk";
export type SessionState = "draft" | "live" | "ended";
export type PollKind = "single" | "multiple" | "wordCloud" | "rating" | "openText" | "ranking" | "points" | "quiz";
export type PollState = "draft" | "open" | "closed";

export interface Counts { onsite: number; remote: number }

/** What the room sees (SetScreen, the snapshot's `screen`, the event `screenChanged`). */
/** leaderboard and podium: the quiz scores of the session (after a quiz, and at its end). */
export type ScreenView = "join" | "activity" | "questions" | "pinned" | "blank" | "leaderboard" | "podium" | "opinion" | "agenda";
/** national: the opinion view shows the programme's national map of a pushed opinion, not the café's own. */
export interface Screen { view: ScreenView; pollId?: string; opinionId?: string; national?: boolean }

/** The agenda (docs/PROTOCOL.md, "Agenda"): what the café does, in order. */
export type ActivityKind = "poll" | "opinion" | "questions" | "speaking" | "break" | "text";
export interface AgendaActivity {
  id: string;
  kind: ActivityKind;
  title: string;
  durationMinutes: number;
  /** The facilitator's private notes: in the staff's snapshots only. */
  notes?: string;
  pollId?: string;
  opinionId?: string;
  openOnStart: boolean;
  showTimer: boolean;
}
/** The running activity's timer: the server keeps the times, screens count down to endsAt. */
export interface ActivityTimer { activityId: string; startedAt: string; durationMinutes: number; endsAt: string }
export interface SessionDetails { description?: string; audience?: string; licence: string }

export type QuestionStatus =
  | "pending" | "visible" | "pinned" | "answered" | "hidden" | "rejected" | "withdrawn" | "merged";

export interface Question {
  id: string;
  text: string;
  votes: number;
  status: QuestionStatus;
  mode: Mode;
  authorName?: string;
  askedAt: string;
  mine?: boolean;
  upvoted?: boolean;
  edited?: boolean;
  /** Staff only. */
  authorId?: string;
  /** Staff and the author only. */
  rejectReason?: string;
  /** The staff's reply, shown under the question. */
  reply?: string;
  repliedAt?: string;
  /** Staff only: open questions that say the same thing (a merge is suggested). */
  similarTo?: string[];
  /** Staff only: held by the profanity filter. */
  flagged?: boolean;
  /** Typed by the staff for someone without a device (on site, no author). */
  onBehalf?: boolean;
}

/** An announcement: a banner on phones and on the projector until the staff dismiss it. */
export interface Announcement { id: string; text: string; at: string }

/** Live reactions: the session's set of kinds (emoji) and whether they are on. */
export interface ReactionSettings { enabled: boolean; kinds: string[] }

/** A coalesced burst of reactions (projector and staff): counts by kind since the last burst. */
export interface ReactionBurst { counts: Record<string, number>; onsite: number; remote: number }

export type ProfanityMode = "off" | "review" | "mask";

/** Top 10 of every quiz of the session, and the teams (average points per player of each mode). */
export interface Leaderboard {
  top: { name: string; points: number; rank: number; mode: Mode }[];
  teams: { onsite?: number; remote?: number; onsitePlayers: number; remotePlayers: number };
  players: number;
}

export interface Video { url: string; embedUrl?: string }
export interface Hand { participantId: string; name?: string; mode: Mode; raisedAt: string }
export interface Speaker { name?: string; mode: Mode }
export interface ModeratorLink { id: string; label?: string; createdAt: string; key?: string }

export interface WordCount { word: string; count: number; onsite: number; remote: number; flagged?: boolean }

/** A figure per option, split on site / remote (ranking scores, points totals). */
export interface OptionTotals { all: number[]; onsite: number[]; remote: number[] }
/** A mean per option, split (null where nobody of that part voted). */
export interface OptionMeans { all: (number | null)[]; onsite: (number | null)[]; remote: (number | null)[] }
export interface Answer { id: string; text: string; mode: Mode; status: "pending" | "visible" | "hidden"; /** Staff only: flagged by the language filter. */ flagged?: boolean }

export interface PollResults {
  counts: number[];
  onsite: number[];
  remote: number[];
  voters: number;
  votersOnsite: number;
  votersRemote: number;
  words?: WordCount[];
  mean?: { all?: number; onsite?: number; remote?: number };
  answers?: Answer[];
  /** Hands counted in the room (no device), per option: counts = onsite + remote + noDevice. */
  noDevice?: number[];
  votersNoDevice?: number;
  /** Ranking: Borda scores. */
  scores?: OptionTotals;
  /** Ranking: average position, 1 = first. */
  averageRank?: OptionMeans;
  /** Points: points given to each option. */
  totals?: OptionTotals;
  /** Quiz: the right options, once the quiz closed. */
  correct?: number[];
}

/** A national programme's tallies ("programme" event): counts summed over its cafés. */
export interface ProgrammeView {
  programmeId: string;
  title: string;
  sessions: number;
  polls: { programmePollId: string; question: string; kind: PollKind; options: string[]; national: PollResults & { sessions: number } }[];
}

/** The answer to Vote: the ballot as the server stored it (words folded, text trimmed); the phone shows this. */
export interface BallotAccepted {
  pollId: string;
  choices?: number[] | null;
  words?: string[] | null;
  rating?: number | null;
  text?: string | null;
  order?: number[] | null;
  points?: number[] | null;
}

export interface Poll {
  id: string;
  /** Set when the poll was pushed by the session's national programme. */
  programmePollId?: string;
  question: string;
  kind: PollKind;
  options: string[];
  state: PollState;
  /** Absent for participants while results are hidden and not revealed. */
  results?: PollResults;
  maxChoices?: number;
  scaleMax?: number;
  minLabel?: string;
  maxLabel?: string;
  hideResults: boolean;
  revealed: boolean;
  /** Whether the projector draws the results (the staff's "results on screen" switch). */
  resultsOnScreen?: boolean;
  /** When the poll was last opened (absent for drafts). */
  openedAt?: string;
  myChoices?: number[];
  myWords?: string[];
  myRating?: number;
  myText?: string;
  /** Staff only: the room's show of hands as recorded (RecordHandCount), per option or rating value. */
  handCount?: number[];
  /** Points polls: the budget to share out. */
  budget?: number;
  /** Quiz: seconds to answer, the most points a right answer gives, and when it closes (while open). */
  seconds?: number;
  maxPoints?: number;
  closesAt?: string;
  /** Quiz: the right options (staff always, others once closed). */
  correct?: number[];
  myOrder?: number[];
  myPoints?: number[];
  /** Quiz, once closed: what my answer scored, and whether it was right. */
  myScore?: number;
  myCorrect?: boolean;
}

export interface Me {
  participantId: string;
  role: Role;
  mode: Mode;
  displayName?: string;
  muted: boolean;
  handRaised: boolean;
  speaking: boolean;
  /**
   * My quiz standing (personal): points, rank among the players, the name the leaderboard shows,
   * and my answer to the quiz that closed last (absent if I did not answer it).
   */
  quiz?: { points: number; rank: number; players: number; name?: string; pollId?: string; score?: number; correct?: boolean };
}

export interface Snapshot {
  seq: number;
  sessionId: string;
  title: string;
  joinCode: string;
  state: SessionState;
  /** When the session went live (absent in draft). */
  startedAt?: string;
  /** What the room sees now. */
  screen?: Screen;
  questions: Question[];
  polls: Poll[];
  counts: Counts;
  me?: Me;
  preModeration: boolean;
  video?: Video;
  speaker?: Speaker;
  /** Staff only. */
  hands?: Hand[];
  /** Staff only, without keys. */
  moderatorLinks?: ModeratorLink[];
  /** Staff only. */
  mutedParticipants?: string[];
  /** Staff only, without keys: the kiosks' links. */
  kioskLinks?: ModeratorLink[];
  /** Set on screens when the session was deleted. */
  deleted?: boolean;
  /** The session's language: the projector speaks it unless a language was chosen. */
  language?: "fr" | "en";
  /** The national programme this café belongs to, if any. */
  programmeId?: string;
  /** Staff only: the session report is public. */
  reportPublic?: boolean;
  /** Staff only: the café's listing on the map of cafés as the staff published it, when published. */
  listing?: CafeListingDraft;
  /** Quiz scores, once a quiz closed. */
  leaderboard?: Leaderboard;
  announcement?: Announcement;
  /** New questions are refused with `paused`; reading and upvoting go on. */
  questionsPaused?: boolean;
  profanityFilter?: ProfanityMode;
  reactions?: ReactionSettings;
  /** Easy-read mode (FALC) is the default on phones and kiosks; each reader may still switch it. */
  easyRead?: boolean;
  agenda?: AgendaActivity[];
  /** The agenda's activity in focus (absent until the facilitator moves to one). */
  currentActivity?: string;
  timer?: ActivityTimer;
  details?: SessionDetails;
  formatOrigin?: { formatId: string; version: number };
  /** Staff only: the facilitator's "what we take away", for the report. */
  conclusion?: string;
  /** The opinion maps (lib/opinions.ts). */
  opinions?: Opinion[];
}

/** What the facilitator publishes on the map of cafés (docs/PROTOCOL.md, PublishCafe). */
/** What the staff published on the map of cafés (PublishCafe's fields; the snapshot's `listing`). */
export interface CafeListingDraft {
  place?: string;
  startsAt?: string;
  format: CafeListing["format"];
  organiser?: string;
  latitude?: number;
  longitude?: number;
  capacity?: number;
  durationMinutes?: number;
}

export interface CafeListing {
  place: string;
  startsAt: string;
  format: "onsite" | "remote" | "hybrid";
  organiser?: string;
  latitude?: number;
  longitude?: number;
  capacity?: number;
}

export interface JoinResult {
  participantId: string;
  role: Role;
  resumeToken: string;
  snapshot: Snapshot;
  staffKeys?: { projectorKey: string; moderatorLinks: ModeratorLink[]; kioskLinks?: ModeratorLink[] };
}

export type SessionEvent =
  | { type: "questionAsked"; question: Question }
  | { type: "questionVotes"; questionId: string; votes: number }
  | { type: "questionUpdated"; question: Question }
  | { type: "questionRemoved"; questionId: string; reason: QuestionStatus; mergedInto?: string }
  | { type: "moderation"; preModeration: boolean }
  | { type: "video"; video?: Video }
  | { type: "hands"; hands: Hand[] }
  | { type: "speaker"; speaker?: Speaker }
  | { type: "me"; me: Me }
  | { type: "moderatorLinks"; links: ModeratorLink[] }
  | { type: "kioskLinks"; links: ModeratorLink[] }
  | { type: "roleRevoked"; message: string }
  | { type: "participantMuted"; participantId: string; muted: boolean }
  | { type: "sessionDeleted" }
  | { type: "pollUpdated"; poll: Poll }
  | { type: "pollRemoved"; pollId: string }
  | { type: "pollResults"; pollId: string; results: PollResults }
  | { type: "counts"; counts: Counts }
  | { type: "sessionState"; state: SessionState }
  | { type: "cafeListed"; listing?: CafeListingDraft }
  | { type: "reportPublished"; public: boolean }
  | { type: "programmeJoined"; programmeId: string }
  | ({ type: "screenChanged" } & Screen)
  | { type: "leaderboardChanged"; leaderboard?: Leaderboard }
  | { type: "questionReplied"; questionId: string; reply: string }
  | { type: "announced"; announcement: Announcement }
  | { type: "announcementDismissed"; id: string }
  | { type: "questionsPaused"; paused: boolean }
  | { type: "profanityFilter"; mode: ProfanityMode }
  | { type: "easyRead"; on: boolean }
  | { type: "agendaChanged"; activities: AgendaActivity[] }
  | { type: "activityChanged"; activityId?: string; timer?: ActivityTimer }
  | { type: "detailsChanged"; details: SessionDetails }
  | { type: "conclusion"; text?: string }
  | OpinionEvent
  | { type: "reactionsChanged"; reactions: ReactionSettings };

/** Events of seq `seq`; a merged batch covers seqs `from`..`seq`. */
/** programme: the national tallies, on a programme café's participants' batches (the "programme" event's view). */
export interface ChangeBatch { seq: number; events: SessionEvent[]; from?: number; programme?: ProgrammeView }

export const isPublic = (s: QuestionStatus) => s === "visible" || s === "pinned" || s === "answered";

/** Visible or pinned: the questions still in discussion, the only ones that take upvotes (docs/PROTOCOL.md). */
export const isOpen = (q: { status: QuestionStatus }) => q.status === "visible" || q.status === "pinned";

/** The refusal codes of docs/PROTOCOL.md. */
const refusalCodes = ["invalid", "forbidden", "not-found", "closed", "not-live", "muted", "rate-limited", "full", "unavailable", "paused"] as const;
type RefusalCode = (typeof refusalCodes)[number];
const isRefusalCode = (code: string): code is RefusalCode => (refusalCodes as readonly string[]).includes(code);

/**
 * A refusal for people. The server's sentence is English: English pages show it, French pages
 * a French sentence for its code.
 */
export function refusalSentence(code: string | undefined, sentence: string | undefined): string {
  if (currentLang() === "en" && sentence) return sentence;
  return code && isRefusalCode(code) ? t(`refusal.${code}`) : t("refusal.unknown");
}

/** The refusal a refused hub call completes with, as `{ refused: Refusal }` (docs/PROTOCOL.md, "Refusals"). */
export interface Refusal { code: string; message: string }

/** A hub call the server refused: its stable code and the server's sentence, read from the result's field. */
export class CallRefused extends Error {
  constructor(readonly code: string, readonly sentence: string) {
    super(`${code}: ${sentence}`);
    this.name = "CallRefused";
  }
}

/** A call's result; a refusal (`{ refused: { code, message } }`) is thrown as CallRefused instead. */
export function unlessRefused<T>(result: T): T {
  const refused = result !== null && typeof result === "object" ? (result as { refused?: Refusal }).refused : undefined;
  if (refused && typeof refused.code === "string") throw new CallRefused(refused.code, refused.message);
  return result;
}

/** A refusal's code and the server's sentence; none when the call failed otherwise (a lost connection). */
export function refusalOf(error: unknown): { code?: string; sentence?: string } {
  return error instanceof CallRefused ? { code: error.code, sentence: error.sentence } : {};
}

/** A refused hub call → a sentence for people. */
export function refusalText(error: unknown): string {
  const { code, sentence } = refusalOf(error);
  return code ? refusalSentence(code, sentence) : t("refusal.unknown");
}
