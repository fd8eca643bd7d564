import type { BallotAccepted, ChangeBatch, Poll, ProgrammeView, Question, Snapshot, SessionEvent } from "./protocol";
import { applyOpinionEvent, type Opinion } from "./opinions";

/**
 * The session as this screen knows it. Changes never mutate a question or a poll in place: a
 * changed one is a new object in a new array, so components that receive an unchanged item
 * can skip drawing it (Preact with signals compares props), and a changed one always draws.
 * Batches apply in seq order: an old one is ignored,
 * one that covers the next seq applies, a gap means something was missed and the caller must fetch a fresh snapshot. Personal
 * events (about this participant only) apply when they arrive: they set values, so order
 * against the shared batches does not matter.
 */
export class SessionStore {
  snapshot: Snapshot | null = null;
  /** The national programme's latest tallies, when the session belongs to one. */
  programme: ProgrammeView | null = null;
  private listeners: Array<(events: SessionEvent[]) => void> = [];

  /** Called after every change, with the events just applied (none after a reset); returns how to stop. */
  onChange(listener: (events: SessionEvent[]) => void): () => void {
    this.listeners.push(listener);
    return () => { this.listeners = this.listeners.filter((l) => l !== listener); };
  }

  reset(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    this.notify([]);
  }

  apply(batch: ChangeBatch): "applied" | "stale" | "gap" {
    const s = this.snapshot;
    if (!s || batch.seq <= s.seq) return "stale";
    // A merged batch covers seqs from..seq; its events set values, so overlap is harmless.
    if ((batch.from ?? batch.seq) > s.seq + 1) return "gap";
    for (const event of batch.events) applyEvent(s, event, this.mine);
    s.seq = batch.seq;
    this.notify(batch.events);
    return "applied";
  }

  setProgramme(view: ProgrammeView): void {
    this.programme = view;
    this.notify([]);
  }

  applyPersonal(batch: ChangeBatch): void {
    const s = this.snapshot;
    if (!s) return;
    for (const event of batch.events) applyEvent(s, event, this.mine);
    this.notify(batch.events);
  }

  /** Local knowledge the broadcast does not carry: my own upvote on a question. */
  markQuestion(id: string, patch: Partial<Question>): void {
    const s = this.snapshot;
    if (!s) return;
    s.questions = s.questions.map((q) => (q.id === id ? { ...q, ...patch } : q));
    this.notify([]);
  }

  /** My own ballot, which broadcasts never carry, as the server accepted it (Vote's answer): never what this screen sent. */
  markBallot(accepted: BallotAccepted): void {
    this.markPoll(accepted.pollId, {
      myChoices: accepted.choices ?? undefined,
      myWords: accepted.words ?? undefined,
      myRating: accepted.rating ?? undefined,
      myText: accepted.text ?? undefined,
      myOrder: accepted.order ?? undefined,
      myPoints: accepted.points ?? undefined,
    });
  }

  /** Local knowledge the broadcast does not carry (a poll's own-ballot fields). */
  markPoll(id: string, patch: Partial<Poll>): void {
    const s = this.snapshot;
    if (!s) return;
    s.polls = s.polls.map((p) => (p.id === id ? { ...p, ...patch } : p));
    this.notify([]);
  }

  /** Local knowledge the broadcast does not carry: my votes on an opinion's statements, and what I see next. */
  markOpinion(id: string, change: (o: Opinion) => Opinion): void {
    const s = this.snapshot;
    if (!s) return;
    s.opinions = (s.opinions ?? []).map((o) => (o.id === id ? change(o) : o));
    this.notify([]);
  }

  /** Questions this screen asked: the broadcast, which may come before or after the answer, does not say so. */
  private readonly mine = new Set<string>();

  /** Marks a question this screen just asked as its own, now or when its broadcast arrives. */
  claimQuestion(id: string): void {
    this.mine.add(id);
    if (this.snapshot?.questions.some((q) => q.id === id)) this.markQuestion(id, { mine: true });
  }

  private notify(events: SessionEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }
}

/** Adds or updates a question, keeping what only this screen knows (mine, upvoted). */
function upsert(s: Snapshot, question: Question, mine: Set<string>): void {
  const existing = s.questions.findIndex((q) => q.id === question.id);
  if (existing >= 0) s.questions = s.questions.map((q, i) => (i === existing ? { ...q, ...question } : q));
  else s.questions = [...s.questions, mine.has(question.id) ? { ...question, mine: true } : { ...question }];
}

function updatePoll(s: Snapshot, id: string, change: (p: Poll) => Poll): void {
  s.polls = s.polls.map((p) => (p.id === id ? change(p) : p));
}

function applyEvent(s: Snapshot, e: SessionEvent, mine: Set<string>): void {
  switch (e.type) {
    case "questionAsked":
    case "questionUpdated":
      upsert(s, e.question, mine);
      break;
    case "questionVotes":
      s.questions = s.questions.map((q) => (q.id === e.questionId ? { ...q, votes: e.votes } : q));
      break;
    case "questionRemoved":
      s.questions = s.questions.filter((q) => q.id !== e.questionId);
      break;
    case "pollUpdated": {
      // Keeps this screen's own ballot (my*), which broadcasts never carry; results it no longer receives go.
      const existing = s.polls.find((p) => p.id === e.poll.id);
      if (existing) {
        updatePoll(s, e.poll.id, (p) => {
          const next: Poll = { ...p, ...e.poll };
          if (!("results" in e.poll)) delete next.results;
          return next;
        });
      } else {
        s.polls = [...s.polls, { ...e.poll }];
      }
      break;
    }
    case "pollRemoved":
      s.polls = s.polls.filter((p) => p.id !== e.pollId);
      break;
    case "pollResults":
      updatePoll(s, e.pollId, (p) => ({ ...p, results: e.results }));
      break;
    case "counts":
      s.counts = e.counts;
      break;
    case "sessionState":
      s.state = e.state;
      break;
    case "moderation":
      s.preModeration = e.preModeration;
      break;
    case "video":
      s.video = e.video;
      break;
    case "hands":
      s.hands = e.hands;
      break;
    case "speaker":
      s.speaker = e.speaker;
      break;
    case "me":
      s.me = e.me;
      break;
    case "moderatorLinks":
      s.moderatorLinks = e.links;
      break;
    case "kioskLinks":
      s.kioskLinks = e.links;
      break;
    case "participantMuted": {
      const muted = new Set(s.mutedParticipants ?? []);
      if (e.muted) muted.add(e.participantId);
      else muted.delete(e.participantId);
      s.mutedParticipants = [...muted];
      break;
    }
    case "sessionDeleted":
      s.deleted = true;
      s.questions = [];
      s.polls = [];
      s.state = "ended";
      break;
    case "programmeJoined":
      s.programmeId = e.programmeId;
      break;
    case "reportPublished":
      s.reportPublic = e.public;
      break;
    case "cafeListed":
      s.listing = e.listing;
      break;
    case "screenChanged":
      s.screen = { view: e.view, ...(e.pollId === undefined ? {} : { pollId: e.pollId }), ...(e.opinionId === undefined ? {} : { opinionId: e.opinionId }), ...(e.national ? { national: true } : {}) };
      break;
    case "leaderboardChanged":
      s.leaderboard = e.leaderboard;
      break;
    case "questionReplied":
      s.questions = s.questions.map((q) => (q.id === e.questionId ? { ...q, reply: e.reply } : q));
      break;
    case "announced":
      s.announcement = e.announcement;
      break;
    case "announcementDismissed":
      if (s.announcement?.id === e.id) delete s.announcement;
      break;
    case "questionsPaused":
      s.questionsPaused = e.paused;
      break;
    case "profanityFilter":
      s.profanityFilter = e.mode;
      break;
    case "easyRead":
      s.easyRead = e.on;
      break;
    case "agendaChanged":
      s.agenda = e.activities;
      break;
    case "activityChanged":
      s.currentActivity = e.activityId;
      s.timer = e.timer;
      break;
    case "detailsChanged":
      s.details = e.details;
      break;
    case "conclusion":
      s.conclusion = e.text;
      break;
    case "opinionChanged":
    case "statementCounts":
    case "opinionMap":
    case "opinionMe":
    case "opinionNational":
    case "statementUpdated":
      applyOpinionEvent(s, e);
      break;
    case "reactionsChanged":
      s.reactions = e.reactions;
      break;
    case "roleRevoked":
      break;
  }
}
