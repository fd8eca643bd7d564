import type { ChangeBatch, ProgrammeView, Question, Snapshot, SessionEvent } from "./protocol";

/**
 * The session as this screen knows it. Batches apply in seq order: an old one is ignored,
 * one that covers the next seq applies, a gap means something was missed and the caller must fetch a fresh snapshot. Personal
 * events (about this participant only) apply when they arrive: they set values, so order
 * against the shared batches does not matter.
 */
export class SessionStore {
  snapshot: Snapshot | null = null;
  /** The national programme's latest tallies, when the session belongs to one. */
  programme: ProgrammeView | null = null;
  private listeners: Array<(events: SessionEvent[]) => void> = [];

  /** Called after every change, with the events just applied (none after a reset). */
  onChange(listener: (events: SessionEvent[]) => void): void {
    this.listeners.push(listener);
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
    for (const event of batch.events) applyEvent(s, event);
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
    for (const event of batch.events) applyEvent(s, event);
    this.notify(batch.events);
  }

  /** Local knowledge the broadcast does not carry (my own question, my own upvote or ballot). */
  update(change: (s: Snapshot) => void): void {
    if (this.snapshot) {
      change(this.snapshot);
      this.notify([]);
    }
  }

  private notify(events: SessionEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }
}

/** Adds or updates a question, keeping what only this screen knows (mine, upvoted). */
function upsert(s: Snapshot, question: Question): void {
  const existing = s.questions.find((q) => q.id === question.id);
  if (existing) Object.assign(existing, question);
  else s.questions.push({ ...question });
}

function applyEvent(s: Snapshot, e: SessionEvent): void {
  switch (e.type) {
    case "questionAsked":
    case "questionUpdated":
      upsert(s, e.question);
      break;
    case "questionVotes": {
      const q = s.questions.find((x) => x.id === e.questionId);
      if (q) q.votes = e.votes;
      break;
    }
    case "questionRemoved":
      s.questions = s.questions.filter((q) => q.id !== e.questionId);
      break;
    case "pollUpdated": {
      // Keeps this screen's own ballot (my*), which broadcasts never carry.
      const existing = s.polls.find((p) => p.id === e.poll.id);
      if (existing) {
        if (!("results" in e.poll)) delete existing.results;
        Object.assign(existing, e.poll);
      } else {
        s.polls.push({ ...e.poll });
      }
      break;
    }
    case "pollRemoved":
      s.polls = s.polls.filter((p) => p.id !== e.pollId);
      break;
    case "pollResults": {
      const p = s.polls.find((x) => x.id === e.pollId);
      if (p) p.results = e.results;
      break;
    }
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
    case "roleRevoked":
      break;
  }
}
