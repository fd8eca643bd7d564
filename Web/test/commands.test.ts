import { describe, expect, it } from "vitest";
import { callsFor, focusIndex } from "../src/facilitator/commands";
import type { AgendaActivity, Poll, Question, Snapshot } from "../src/lib/protocol";

const poll = (id: string, extra: Partial<Poll> = {}): Poll => ({
  id, question: id, kind: "single", options: ["a", "b"], state: "draft", hideResults: false, revealed: false, resultsOnScreen: true, ...extra,
});
const question = (id: string, votes: number, status: Question["status"] = "visible"): Question => ({
  id, text: id, votes, status, mode: "onsite", askedAt: `2026-12-01T10:00:0${id.length}Z`,
});
const session = (extra: Partial<Snapshot> = {}): Snapshot => ({
  seq: 1, sessionId: "s", title: "Café", joinCode: "ABC234", state: "live", counts: { onsite: 0, remote: 0 }, preModeration: false,
  polls: [poll("p1"), poll("p2", { state: "open" })], questions: [], screen: { view: "activity", pollId: "p1" }, ...extra,
});

describe("Animer keys → hub calls", () => {
  it("→ and ← move the focus along the polls, then the questions", () => {
    const s = session();
    expect(callsFor("next", s, null)).toEqual([{ method: "SetScreen", payload: { view: "activity", pollId: "p2" } }]);
    const last = session({ screen: { view: "activity", pollId: "p2" } });
    expect(callsFor("next", last, null)).toEqual([{ method: "SetScreen", payload: { view: "questions" } }]);
    expect(callsFor("previous", last, null)).toEqual([{ method: "SetScreen", payload: { view: "activity", pollId: "p1" } }]);
    expect(callsFor("previous", s, null)).toEqual([]);
    expect(callsFor("next", session({ screen: { view: "questions" } }), null)).toEqual([]);
  });

  it("with an agenda, → asks the server for the next activity and ← focuses the one before; the focus is the agenda's", () => {
    const step = (id: string, kind: AgendaActivity["kind"], extra: Partial<AgendaActivity> = {}): AgendaActivity =>
      ({ id, kind, title: id, durationMinutes: 5, openOnStart: false, showTimer: true, ...extra });
    const agenda = [step("a1", "text"), step("a2", "poll", { pollId: "p2", openOnStart: true }), step("a3", "break")];
    const before = session({ agenda, screen: { view: "join" } });
    expect(focusIndex(before)).toBe(-1);
    expect(callsFor("next", before, null)).toEqual([{ method: "NextActivity", payload: {} }]);
    const onPoll = session({ agenda, currentActivity: "a2", screen: { view: "activity", pollId: "p2" } });
    expect(focusIndex(onPoll)).toBe(1);
    expect(callsFor("next", onPoll, null)).toEqual([{ method: "NextActivity", payload: {} }]);
    expect(callsFor("previous", onPoll, null)).toEqual([{ method: "FocusActivity", payload: { activityId: "a1" } }]);
    // The room may look at something else (the join screen): the focus stays the agenda's.
    const last = session({ agenda, currentActivity: "a3", screen: { view: "join" } });
    expect(focusIndex(last)).toBe(2);
    expect(callsFor("next", last, null)).toEqual([]);
    expect(callsFor("previous", session({ agenda, currentActivity: "a1" }), null)).toEqual([]);
  });

  it("→ from the join screen goes back to where the room was, then on", () => {
    const s = session({ screen: { view: "join" } });
    expect(focusIndex(s)).toBe(-1);
    expect(callsFor("next", s, { view: "activity", pollId: "p1" })).toEqual([{ method: "SetScreen", payload: { view: "activity", pollId: "p2" } }]);
    expect(callsFor("next", s, null)).toEqual([{ method: "SetScreen", payload: { view: "activity", pollId: "p1" } }]);
  });

  it("Space opens a poll that is not open, and closes an open one", () => {
    expect(callsFor("toggleVoting", session(), null)).toEqual([{ method: "OpenPoll", payload: { pollId: "p1" } }]);
    expect(callsFor("toggleVoting", session({ screen: { view: "activity", pollId: "p2" } }), null)).toEqual([{ method: "ClosePoll", payload: { pollId: "p2" } }]);
    expect(callsFor("toggleVoting", session({ screen: { view: "questions" } }), null)).toEqual([]);
  });

  it("R flips the results on screen of the focus poll", () => {
    expect(callsFor("toggleResults", session(), null)).toEqual([{ method: "ShowResultsOnScreen", payload: { pollId: "p1", show: false } }]);
    const hidden = session({ polls: [poll("p1", { resultsOnScreen: false })] });
    expect(callsFor("toggleResults", hidden, null)).toEqual([{ method: "ShowResultsOnScreen", payload: { pollId: "p1", show: true } }]);
  });

  it("Q shows the join screen, and again gives the room its activity back", () => {
    expect(callsFor("joinScreen", session(), null)).toEqual([{ method: "SetScreen", payload: { view: "join" } }]);
    expect(callsFor("joinScreen", session({ screen: { view: "join" } }), { view: "questions" })).toEqual([{ method: "SetScreen", payload: { view: "questions" } }]);
  });

  it("P pins the most upvoted question and shows it", () => {
    const s = session({ questions: [question("a", 2), question("bb", 7), question("ccc", 7, "hidden")] });
    expect(callsFor("pinTop", s, null)).toEqual([
      { method: "PinQuestion", payload: { questionId: "bb" } },
      { method: "SetScreen", payload: { view: "pinned" } },
    ]);
    const pinned = session({ questions: [question("a", 9, "pinned")] });
    expect(callsFor("pinTop", pinned, null)).toEqual([{ method: "SetScreen", payload: { view: "pinned" } }]);
    expect(callsFor("pinTop", session(), null)).toEqual([]);
  });

  it("→ after the pinned question goes on from the activity the room saw last", () => {
    const pinned = session({ screen: { view: "pinned" } });
    expect(callsFor("next", pinned, { view: "activity", pollId: "p1" })).toEqual([{ method: "SetScreen", payload: { view: "activity", pollId: "p2" } }]);
  });
});
