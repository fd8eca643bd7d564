import { describe, expect, it } from "vitest";
import { SessionStore } from "../src/lib/store";
import type { Poll, Snapshot } from "../src/lib/protocol";

const poll = (id: string, extra: Partial<Poll> = {}): Poll => ({
  id, question: `Q ${id}`, kind: "single", options: ["a", "b"], state: "open", hideResults: false, revealed: false, ...extra,
});

const snapshot = (seq: number): Snapshot => ({
  seq, sessionId: "s", title: "Café", joinCode: "ABC234", state: "live", questions: [], polls: [poll("p1")],
  counts: { onsite: 1, remote: 2 }, preModeration: false, screen: { view: "join" },
});

describe("SessionStore: snapshot, ordered batches, gap → snapshot", () => {
  it("applies the next batch and moves its seq", () => {
    const store = new SessionStore();
    store.reset(snapshot(5));
    expect(store.apply({ seq: 6, events: [{ type: "counts", counts: { onsite: 4, remote: 0 } }] })).toBe("applied");
    expect(store.snapshot!.seq).toBe(6);
    expect(store.snapshot!.counts).toEqual({ onsite: 4, remote: 0 });
  });

  it("ignores a batch it already has", () => {
    const store = new SessionStore();
    store.reset(snapshot(5));
    expect(store.apply({ seq: 5, events: [{ type: "counts", counts: { onsite: 9, remote: 9 } }] })).toBe("stale");
    expect(store.snapshot!.counts.onsite).toBe(1);
  });

  it("reports a gap and changes nothing, so the caller fetches a snapshot", () => {
    const store = new SessionStore();
    store.reset(snapshot(5));
    expect(store.apply({ seq: 8, events: [{ type: "sessionState", state: "ended" }] })).toBe("gap");
    expect(store.snapshot!.state).toBe("live");
    expect(store.snapshot!.seq).toBe(5);
  });

  it("applies a merged batch whose range starts at or before the next seq", () => {
    const store = new SessionStore();
    store.reset(snapshot(5));
    expect(store.apply({ seq: 9, from: 4, events: [{ type: "sessionState", state: "ended" }] })).toBe("applied");
    expect(store.snapshot!.seq).toBe(9);
    expect(store.apply({ seq: 12, from: 11, events: [] })).toBe("gap");
  });

  it("follows what the room sees (screenChanged)", () => {
    const store = new SessionStore();
    store.reset(snapshot(1));
    store.apply({ seq: 2, events: [{ type: "screenChanged", view: "activity", pollId: "p1" }] });
    expect(store.snapshot!.screen).toEqual({ view: "activity", pollId: "p1" });
    store.apply({ seq: 3, events: [{ type: "screenChanged", view: "questions" }] });
    expect(store.snapshot!.screen).toEqual({ view: "questions" });
  });

  it("keeps this screen's own ballot when a poll is updated, and drops results no longer sent", () => {
    const store = new SessionStore();
    const s = snapshot(1);
    s.polls = [poll("p1", { myChoices: [1], results: { counts: [0, 1], onsite: [0, 1], remote: [0, 0], voters: 1, votersOnsite: 1, votersRemote: 0 } })];
    store.reset(s);
    store.apply({ seq: 2, events: [{ type: "pollUpdated", poll: poll("p1", { hideResults: true, state: "closed" }) }] });
    const p = store.snapshot!.polls[0];
    expect(p.myChoices).toEqual([1]);
    expect(p.state).toBe("closed");
    expect(p.results).toBeUndefined();
  });

  it("notifies listeners with the events it applied", () => {
    const store = new SessionStore();
    const seen: string[][] = [];
    store.onChange((events) => seen.push(events.map((e) => e.type)));
    store.reset(snapshot(1));
    store.apply({ seq: 2, events: [{ type: "pollRemoved", pollId: "p1" }] });
    store.apply({ seq: 2, events: [{ type: "pollRemoved", pollId: "p1" }] });
    expect(seen).toEqual([[], ["pollRemoved"]]);
    expect(store.snapshot!.polls).toEqual([]);
  });

  it("applies personal events without the sequence check", () => {
    const store = new SessionStore();
    store.reset(snapshot(7));
    store.applyPersonal({ seq: 3, events: [{ type: "me", me: { participantId: "u", role: "participant", mode: "onsite", muted: true, handRaised: false, speaking: false } }] });
    expect(store.snapshot!.me?.muted).toBe(true);
    expect(store.snapshot!.seq).toBe(7);
  });

  it("replaces a changed question by a new object and keeps the others as they were", () => {
    const store = new SessionStore();
    const s = snapshot(1);
    s.questions = [
      { id: "q1", text: "Un", votes: 0, status: "visible", mode: "onsite", askedAt: "2026-12-01T10:00:00Z" },
      { id: "q2", text: "Deux", votes: 0, status: "visible", mode: "remote", askedAt: "2026-12-01T10:00:01Z" },
    ];
    store.reset(s);
    const [q1, q2] = store.snapshot!.questions;
    store.apply({ seq: 2, events: [{ type: "questionVotes", questionId: "q1", votes: 3 }] });
    const [n1, n2] = store.snapshot!.questions;
    expect(n1).not.toBe(q1);
    expect(n1.votes).toBe(3);
    expect(q1.votes).toBe(0);
    expect(n2).toBe(q2);
  });

  it("marks my question as mine whether its broadcast comes before or after the answer", () => {
    const asked = (id: string) => ({ type: "questionAsked" as const, question: { id, text: id, votes: 0, status: "visible" as const, mode: "onsite" as const, askedAt: "2026-12-01T10:00:00Z" } });
    const store = new SessionStore();
    store.reset(snapshot(1));
    store.claimQuestion("q1");
    store.apply({ seq: 2, events: [asked("q1")] });
    store.apply({ seq: 3, events: [asked("q2")] });
    store.claimQuestion("q2");
    expect(store.snapshot!.questions.map((q) => q.mine === true)).toEqual([true, true]);
  });

  it("keeps this screen's own upvote and ballot as new objects", () => {
    const store = new SessionStore();
    store.reset(snapshot(1));
    const before = store.snapshot!.polls[0];
    store.markPoll("p1", { myChoices: [1] });
    expect(store.snapshot!.polls[0]).not.toBe(before);
    expect(store.snapshot!.polls[0].myChoices).toEqual([1]);
    expect(before.myChoices).toBeUndefined();
  });
});
