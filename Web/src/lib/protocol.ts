// The public protocol as TypeScript types (docs/PROTOCOL.md is the reference).

export type Mode = "onsite" | "remote";
export type Role = "participant" | "moderator" | "facilitator" | "projector";
export type SessionState = "draft" | "live" | "ended";
export type PollKind = "single" | "multiple";
export type PollState = "draft" | "open" | "closed";

export interface Counts { onsite: number; remote: number }

export interface Question {
  id: string;
  text: string;
  votes: number;
  status: "visible" | "withdrawn";
  mode: Mode;
  authorName?: string;
  askedAt: string;
  mine?: boolean;
  upvoted?: boolean;
}

export interface PollResults { counts: number[]; onsite: number[]; remote: number[]; voters: number }

export interface Poll {
  id: string;
  question: string;
  kind: PollKind;
  options: string[];
  state: PollState;
  results: PollResults;
  myChoices?: number[];
}

export interface Me { participantId: string; role: Role; mode: Mode; displayName?: string }

export interface Snapshot {
  seq: number;
  sessionId: string;
  title: string;
  joinCode: string;
  state: SessionState;
  questions: Question[];
  polls: Poll[];
  counts: Counts;
  me?: Me;
}

export interface JoinResult {
  participantId: string;
  role: Role;
  resumeToken: string;
  snapshot: Snapshot;
  staffKeys?: { moderatorKey: string; projectorKey: string };
}

export type SessionEvent =
  | { type: "questionAsked"; question: Question }
  | { type: "questionVotes"; questionId: string; votes: number }
  | { type: "questionWithdrawn"; questionId: string }
  | { type: "pollCreated"; poll: Poll }
  | { type: "pollState"; pollId: string; state: PollState }
  | { type: "pollResults"; pollId: string; results: PollResults }
  | { type: "counts"; counts: Counts }
  | { type: "sessionState"; state: SessionState };

export interface ChangeBatch { seq: number; events: SessionEvent[] }

/** A refused hub call: "code: sentence" → the sentence, for people. */
export function refusalText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /HubException: ([a-z-]+): (.*)$/s.exec(message) ?? /^([a-z-]+): (.*)$/s.exec(message);
  return match ? match[2] : "Une erreur est survenue. Réessayez.";
}
