import type { ChangeBatch, Snapshot, SessionEvent } from "./protocol";

/**
 * The session as this screen knows it. Batches apply in seq order: an old one is ignored,
 * a gap means something was missed and the caller must fetch a fresh snapshot.
 */
export class SessionStore {
  snapshot: Snapshot | null = null;
  private listeners: Array<() => void> = [];

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  reset(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    this.notify();
  }

  apply(batch: ChangeBatch): "applied" | "stale" | "gap" {
    const s = this.snapshot;
    if (!s || batch.seq <= s.seq) return "stale";
    if (batch.seq !== s.seq + 1) return "gap";
    for (const event of batch.events) applyEvent(s, event);
    s.seq = batch.seq;
    this.notify();
    return "applied";
  }

  /** Local knowledge the broadcast does not carry (my own question, my own upvote or ballot). */
  update(change: (s: Snapshot) => void): void {
    if (this.snapshot) {
      change(this.snapshot);
      this.notify();
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function applyEvent(s: Snapshot, e: SessionEvent): void {
  switch (e.type) {
    case "questionAsked":
      if (!s.questions.some((q) => q.id === e.question.id)) s.questions.push(e.question);
      break;
    case "questionVotes": {
      const q = s.questions.find((x) => x.id === e.questionId);
      if (q) q.votes = e.votes;
      break;
    }
    case "questionWithdrawn":
      s.questions = s.questions.filter((q) => q.id !== e.questionId);
      break;
    case "pollCreated":
      if (!s.polls.some((p) => p.id === e.poll.id)) s.polls.push(e.poll);
      break;
    case "pollState": {
      const p = s.polls.find((x) => x.id === e.pollId);
      if (p) p.state = e.state;
      break;
    }
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
  }
}
