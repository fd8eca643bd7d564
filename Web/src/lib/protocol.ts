// The public protocol as TypeScript types (docs/PROTOCOL.md is the reference).

import { currentLang, t } from "./i18n";

export type Mode = "onsite" | "remote";
export type Role = "participant" | "moderator" | "facilitator" | "projector";
export type SessionState = "draft" | "live" | "ended";
export type PollKind = "single" | "multiple" | "wordCloud" | "rating" | "openText";
export type PollState = "draft" | "open" | "closed";

export interface Counts { onsite: number; remote: number }

/** What the room sees (SetScreen, the snapshot's `screen`, the event `screenChanged`). */
export type ScreenView = "join" | "activity" | "questions" | "pinned" | "blank";
export interface Screen { view: ScreenView; pollId?: string }

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
}

export interface Video { url: string; embedUrl?: string }
export interface Hand { participantId: string; name?: string; mode: Mode; raisedAt: string }
export interface Speaker { name?: string; mode: Mode }
export interface ModeratorLink { id: string; label?: string; createdAt: string; key?: string }

export interface WordCount { word: string; count: number; onsite: number; remote: number }
export interface Answer { id: string; text: string; mode: Mode; status: "pending" | "visible" | "hidden" }

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
}

/** A national programme's tallies ("programme" event): counts summed over its cafés. */
export interface ProgrammeView {
  programmeId: string;
  title: string;
  sessions: number;
  polls: { programmePollId: string; question: string; kind: PollKind; options: string[]; national: PollResults & { sessions: number } }[];
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
}

export interface Me {
  participantId: string;
  role: Role;
  mode: Mode;
  displayName?: string;
  muted: boolean;
  handRaised: boolean;
  speaking: boolean;
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
  /** Set on screens when the session was deleted. */
  deleted?: boolean;
  /** The session's language: the projector speaks it unless a language was chosen. */
  language?: "fr" | "en";
  /** The national programme this café belongs to, if any. */
  programmeId?: string;
  /** Staff only: the session report is public. */
  reportPublic?: boolean;
  /** Staff only: the café's listing on the map of cafés, when published. */
  listing?: CafeListing;
}

/** What the facilitator publishes on the map of cafés (docs/PROTOCOL.md, PublishCafe). */
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
  staffKeys?: { projectorKey: string; moderatorLinks: ModeratorLink[] };
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
  | { type: "roleRevoked"; message: string }
  | { type: "participantMuted"; participantId: string; muted: boolean }
  | { type: "sessionDeleted" }
  | { type: "pollUpdated"; poll: Poll }
  | { type: "pollRemoved"; pollId: string }
  | { type: "pollResults"; pollId: string; results: PollResults }
  | { type: "counts"; counts: Counts }
  | { type: "sessionState"; state: SessionState }
  | { type: "cafeListed"; listing?: CafeListing }
  | { type: "reportPublished"; public: boolean }
  | { type: "programmeJoined"; programmeId: string }
  | ({ type: "screenChanged" } & Screen);

/** Events of seq `seq`; a merged batch covers seqs `from`..`seq`. */
export interface ChangeBatch { seq: number; events: SessionEvent[]; from?: number }

export const isPublic = (s: QuestionStatus) => s === "visible" || s === "pinned" || s === "answered";

/** Visible or pinned: the questions still in discussion, the only ones that take upvotes (docs/PROTOCOL.md). */
export const isOpen = (q: { status: QuestionStatus }) => q.status === "visible" || q.status === "pinned";

/** The refusal codes of docs/PROTOCOL.md. */
const refusalCodes = ["invalid", "forbidden", "not-found", "closed", "not-live", "muted", "rate-limited", "full", "unavailable"] as const;
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

/** A refusal's code and the server's sentence, read from "…HubException: code: sentence" (or "code: sentence"). */
export function refusalOf(error: unknown): { code?: string; sentence?: string } {
  const message = error instanceof Error ? error.message : String(error);
  const marker = message.indexOf("HubException: ");
  const rest = marker >= 0 ? message.slice(marker + "HubException: ".length) : message;
  const colon = rest.indexOf(": ");
  const code = colon > 0 ? rest.slice(0, colon) : "";
  if (!/^[a-z-]+$/.test(code)) return {};
  return { code, sentence: rest.slice(colon + 2) };
}

/** A refused hub call → a sentence for people. */
export function refusalText(error: unknown): string {
  const { code, sentence } = refusalOf(error);
  return code ? refusalSentence(code, sentence) : t("refusal.unknown");
}
