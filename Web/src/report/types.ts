import type { ReportOpinion } from "./Opinions";
import type { Mode, PollKind, PollResults, QuestionStatus } from "../lib/protocol";

/** The session report as GET /api/sessions/{code}/report sends it (docs/PROTOCOL.md, "Session report"; docs/report.schema.json). */
export interface SessionReport {
  licence: { id: string; name: string; url: string };
  generatedAt: string;
  session: { title: string; state: "draft" | "live" | "ended"; createdAt: string; startedAt?: string; endedAt?: string };
  attendance: { participantsOnsite: number; participantsRemote: number; peakOnsite: number; peakRemote: number; timeline: { at: string; onsite: number; remote: number }[] };
  questions: {
    asked: number; askedOnsite: number; askedRemote: number; published: number; answered: number; replied?: number;
    questions: { id: string; text: string; votes: number; status: QuestionStatus; mode: Mode; reply?: string }[];
  };
  polls: ReportPoll[];
  speakingTurns: { number: number; mode: Mode; start: string; end?: string }[];
  /** The session's quizzes as a whole: no names, the teams on site against remote. */
  quiz?: { questions: number; players: number; teams: { onsite?: number; remote?: number; onsitePlayers: number; remotePlayers: number } };
  /** Live reactions: totals, per kind, and minute by minute (minutes with reactions only), split on site / remote. */
  reactions?: {
    total: number; onsite: number; remote: number; kinds: string[];
    byKind: ReactionCount[];
    timeline: { at: string; counts: ReactionCount[] }[];
  };
  announcements?: { text: string; at: string; dismissedAt?: string }[];
  /** The opinion maps: statements with their votes, the groups and the consensus; no dots, no names. */
  opinions?: ReportOpinion[];
  /** The cover block: what, where, when, from which format, and the organiser's summary. */
  cover?: { title: string; date: string; place?: string; organiser?: string; attendance?: "onsite" | "remote" | "hybrid";
    format?: { formatId: string; version: number }; summary?: string };
  /** The facilitator's "what we take away". */
  conclusion?: string;
}

export interface ReactionCount { kind: string; count: number; onsite: number; remote: number }

export interface ReportPoll {
  id: string; question: string; kind: PollKind; state: "open" | "closed"; options: string[]; results: PollResults;
  scaleMax?: number; budget?: number; seconds?: number; maxPoints?: number;
  /** Quiz: right answers and mean points per answer, split. */
  scoring?: { correctAnswers: number; correctOnsite: number; correctRemote: number; meanPoints: { all?: number; onsite?: number; remote?: number } };
}
