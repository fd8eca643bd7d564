import { describe, expect, it } from "vitest";
import { render } from "preact";
import { SessionStore } from "../src/lib/store";
import type { Poll, Question, Snapshot } from "../src/lib/protocol";
import { barRows, Results } from "../src/ui/Results";
import { LeaderboardView, PodiumView } from "../src/projector/quiz";

const poll = (extra: Partial<Poll>): Poll => ({
  id: "p1", question: "Q", kind: "single", options: ["a", "b", "c"], state: "open", hideResults: false, revealed: false, ...extra,
});
const base = (extra: Partial<Snapshot> = {}): Snapshot => ({
  seq: 1, sessionId: "s", title: "Café", joinCode: "ABC234", state: "live", questions: [], polls: [],
  counts: { onsite: 0, remote: 0 }, preModeration: false, ...extra,
});
const question = (id: string, status: Question["status"]): Question => ({ id, text: id, votes: 0, status, mode: "onsite", askedAt: "2026-12-01T10:00:00Z" });

describe("results of the new kinds are drawn from the server's figures", () => {
  const empty = { counts: [0, 0, 0], onsite: [0, 0, 0], remote: [0, 0, 0], voters: 2, votersOnsite: 1, votersRemote: 1 };

  it("a ranking's bars are its Borda scores, with the average rank", () => {
    const rows = barRows(poll({ kind: "ranking" }), {
      ...empty, scores: { all: [4, 2, 0], onsite: [2, 1, 0], remote: [2, 1, 0] }, averageRank: { all: [1, 2, 3], onsite: [1, 2, 3], remote: [1, 2, 3] },
    });
    expect(rows.map((r) => [r.value, r.onsite, r.remote])).toEqual([[4, 2, 2], [2, 1, 1], [0, 0, 0]]);
    expect(rows[0].figure).toContain("1");
    expect(rows[1].figure).toMatch(/rang moyen 2/);
  });

  it("a points poll's bars are the points given, as a share of all points", () => {
    const rows = barRows(poll({ kind: "points" }), { ...empty, totals: { all: [150, 50, 0], onsite: [100, 0, 0], remote: [50, 50, 0] } });
    expect(rows.map((r) => r.value)).toEqual([150, 50, 0]);
    expect(rows[0].figure).toMatch(/75/);
  });

  it("a show of hands is a third part of each bar, as the server counted it", () => {
    const rows = barRows(poll({}), { ...empty, counts: [5, 1, 0], onsite: [1, 0, 0], remote: [1, 1, 0], noDevice: [3, 0, 0], votersNoDevice: 3 });
    expect(rows.map((r) => [r.value, r.onsite, r.remote, r.noDevice])).toEqual([[5, 1, 1, 3], [1, 0, 1, 0], [0, 0, 0, 0]]);
    const root = document.createElement("div");
    render(<Results poll={poll({})} results={{ ...empty, counts: [5, 1, 0], onsite: [1, 0, 0], remote: [1, 1, 0], noDevice: [3, 0, 0], votersNoDevice: 3 }} />, root);
    expect(root.querySelectorAll(".bar .nodevice")).toHaveLength(3);
    expect(root.querySelector(".legend")?.textContent).toMatch(/Mains levées/);
  });

  it("a closed quiz marks the right answers the server revealed, and only those", () => {
    const rows = barRows(poll({ kind: "quiz", state: "closed" }), { ...empty, counts: [1, 1, 0], onsite: [1, 0, 0], remote: [0, 1, 0], correct: [1] });
    expect(rows.map((r) => !!r.correct)).toEqual([false, true, false]);
  });
});

describe("the store follows the new events", () => {
  it("announcements come and go, replies and the pause and the scores are kept", () => {
    const store = new SessionStore();
    store.reset(base({ questions: [question("q1", "visible")] }));
    store.apply({ seq: 2, events: [{ type: "announced", announcement: { id: "n1", text: "Pause café", at: "2026-12-01T10:00:00Z" } }] });
    expect(store.snapshot!.announcement?.text).toBe("Pause café");
    store.apply({ seq: 3, events: [{ type: "announcementDismissed", id: "other" }] });
    expect(store.snapshot!.announcement?.id).toBe("n1");
    store.apply({ seq: 4, events: [{ type: "announcementDismissed", id: "n1" }, { type: "questionsPaused", paused: true }] });
    expect(store.snapshot!.announcement).toBeUndefined();
    expect(store.snapshot!.questionsPaused).toBe(true);
    store.applyPersonal({ seq: 4, events: [{ type: "questionReplied", questionId: "q1", reply: "Oui" }] });
    expect(store.snapshot!.questions[0].reply).toBe("Oui");
    const leaderboard = { top: [{ name: "Renard curieux", points: 900, rank: 1, mode: "onsite" as const }], teams: { onsite: 900, onsitePlayers: 1, remotePlayers: 0 }, players: 1 };
    store.apply({ seq: 5, events: [{ type: "leaderboardChanged", leaderboard }] });
    expect(store.snapshot!.leaderboard).toEqual(leaderboard);
    expect(store.snapshot!.seq).toBe(5);
  });
});

describe("the scores on the projector", () => {
  const leaderboard = {
    top: [
      { name: "Ana", points: 1900, rank: 1, mode: "remote" as const },
      { name: "Bob", points: 1200, rank: 2, mode: "onsite" as const },
      { name: "Cléo", points: 1200, rank: 2, mode: "onsite" as const },
      { name: "Dan", points: 300, rank: 4, mode: "remote" as const },
    ],
    teams: { onsite: 1200, remote: 1100, onsitePlayers: 2, remotePlayers: 2 }, players: 4,
  };

  it("the leaderboard lists the server's ranks in its order, ties included", () => {
    const root = document.createElement("div");
    render(<LeaderboardView s={base({ leaderboard })} />, root);
    expect([...root.querySelectorAll(".leaders li")].map((li) => li.getAttribute("data-rank"))).toEqual(["1", "2", "2", "4"]);
    expect(root.querySelector("[data-team=onsite]")?.getAttribute("data-average")).toBe("1200");
  });

  it("the podium shows those ranked 1 to 3, the first in the middle, and the winning team", () => {
    const root = document.createElement("div");
    render(<PodiumView s={base({ leaderboard })} />, root);
    const steps = [...root.querySelectorAll(".podium li")];
    expect(steps.map((li) => li.querySelector(".name")?.textContent)).toEqual(["Bob", "Ana", "Cléo"]);
    expect(root.querySelector(".team-winner")?.textContent).toMatch(/Sur place/);
  });
});
