import { describe, expect, it } from "vitest";
import { render } from "preact";
import { SessionStore } from "../src/lib/store";
import type { Snapshot } from "../src/lib/protocol";
import type { Opinion, Statement } from "../src/lib/opinions";
import { OpinionMapPicture, OpinionTable } from "../src/ui/OpinionMap";
import { NationalMapPicture } from "../src/ui/NationalMap";
import { activities, callsFor, focusIndex } from "../src/facilitator/commands";

const split = (agree = 0, disagree = 0, pass = 0) => ({ agree, disagree, pass });
const statement = (id: string, extra: Partial<Statement> = {}): Statement => ({
  id, text: `Affirmation ${id}`, status: "approved", agree: 0, disagree: 0, pass: 0, onsite: split(), remote: split(), ...extra,
});
const opinion = (extra: Partial<Opinion> = {}): Opinion => ({
  id: "o1", topic: "L'IA à la mairie", state: "open", statements: [statement("s1"), statement("s2")], groups: [], consensus: [], voters: 0, ...extra,
});
const snapshot = (o: Opinion): Snapshot => ({
  seq: 1, sessionId: "s", title: "Café", joinCode: "ABC234", state: "live", questions: [], polls: [],
  counts: { onsite: 0, remote: 0 }, preModeration: false, opinions: [o],
});

describe("opinion events in the store keep what only this screen knows", () => {
  it("a broadcast opinion keeps my vote, my own pending statement, where I am and what I see next", () => {
    const store = new SessionStore();
    store.reset(snapshot(opinion({
      statements: [statement("s1", { myVote: "agree" }), statement("s2"), statement("s3", { status: "pending", mine: true })],
      me: { x: 0.1, y: 0.2, group: 1 }, next: "s2",
    })));
    store.apply({ seq: 2, events: [{ type: "opinionChanged", opinion: opinion({ statements: [statement("s1"), statement("s2"), statement("s4")] }) }] });
    const o = store.snapshot!.opinions![0];
    expect(o.statements.map((st) => [st.id, st.myVote ?? null])).toEqual([["s1", "agree"], ["s2", null], ["s4", null], ["s3", null]]);
    expect(o.statements.find((st) => st.id === "s3")!.mine).toBe(true);
    expect(o.me).toEqual({ x: 0.1, y: 0.2, group: 1 });
    expect(o.next).toBe("s2");
  });

  it("counts, a recompute and my own position each change only their part", () => {
    const store = new SessionStore();
    store.reset(snapshot(opinion({ statements: [statement("s1", { myVote: "disagree" }), statement("s2")] })));
    store.apply({ seq: 2, events: [
      { type: "statementCounts", opinionId: "o1", statements: [{ id: "s1", agree: 3, disagree: 1, pass: 0, onsite: split(2, 1), remote: split(1) }] },
      { type: "opinionMap", opinionId: "o1", groups: [{ id: 0, size: 4, onsite: 3, remote: 1, representative: [{ statementId: "s1", agreeRate: 0.8, agrees: true }] }],
        consensus: [{ statementId: "s1", score: 0.6 }], map: [{ x: 0.5, y: -0.5, group: 0, mode: "onsite" }], voters: 4 },
      { type: "opinionMe", opinionId: "o1", me: { x: 0.5, y: -0.5, group: 0 }, next: null },
    ] });
    const o = store.snapshot!.opinions![0];
    expect([o.statements[0].agree, o.statements[0].myVote, o.statements[1].agree]).toEqual([3, "disagree", 0]);
    expect([o.groups.length, o.consensus[0].statementId, o.voters, o.map!.length]).toEqual([1, "s1", 4, 1]);
    expect([o.me?.group, o.next]).toEqual([0, null]);
  });

  it("an opinionMe built before my last vote, arriving after its answer, does not bring back the statement I just voted", () => {
    const store = new SessionStore();
    store.reset(snapshot(opinion({ statements: [statement("s1", { myVote: "agree" }), statement("s2"), statement("s3")], next: "s2" })));
    store.apply({ seq: 2, events: [{ type: "opinionMe", opinionId: "o1", me: { x: 0, y: 0, group: 1 }, next: "s1" }] });
    expect([store.snapshot!.opinions![0].next, store.snapshot!.opinions![0].me?.group]).toEqual(["s2", 1]);
    store.apply({ seq: 3, events: [{ type: "opinionMe", opinionId: "o1", me: { x: 0, y: 0, group: 1 }, next: "s3" }] });
    expect(store.snapshot!.opinions![0].next).toBe("s3");
  });

  it("my statement, once approved, comes back in place with my mark kept", () => {
    const store = new SessionStore();
    store.reset(snapshot(opinion({ statements: [statement("s1"), statement("s3", { status: "pending", mine: true })] })));
    store.apply({ seq: 2, events: [{ type: "statementUpdated", opinionId: "o1", statement: statement("s3") }] });
    expect(store.snapshot!.opinions![0].statements.find((st) => st.id === "s3")).toMatchObject({ status: "approved", mine: true });
  });
});

describe("the map is drawn from the server's dots and groups", () => {
  const mapped = opinion({
    groups: [
      { id: 0, size: 2, onsite: 1, remote: 1, representative: [{ statementId: "s1", agreeRate: 0.9, agrees: true }] },
      { id: 1, size: 1, onsite: 1, remote: 0, representative: [{ statementId: "s2", agreeRate: 0.75, agrees: false }] },
    ],
    map: [{ x: -0.5, y: 0.5, group: 0, mode: "onsite" }, { x: -0.7, y: 0.3, group: 0, mode: "remote" }, { x: 0.8, y: -0.1, group: 1, mode: "onsite" }],
    voters: 3,
  });

  it("a circle per person on site, a square per remote one, coloured by group, one letter per group at its middle", () => {
    const root = document.createElement("div");
    render(<OpinionMapPicture opinion={mapped} />, root);
    expect(root.querySelectorAll("circle.dot.onsite").length).toBe(2);
    expect(root.querySelectorAll("rect.dot.remote.g0").length).toBe(1);
    const labels = [...root.querySelectorAll(".group-label")].map((g) => [g.getAttribute("data-group"), g.textContent]);
    expect(labels).toEqual([["0", "A"], ["1", "B"]]);
    // Group A's dots centre on (-0.6, 0.4): its letter sits 0.2 beyond, away from the middle, never over them.
    const a = root.querySelector(".group-label[data-group='0'] circle")!;
    const [x, y] = [Number(a.getAttribute("cx")), -Number(a.getAttribute("cy"))];
    expect(Math.hypot(x + 0.6, y - 0.4)).toBeCloseTo(0.2, 5);
    expect(Math.hypot(x, y)).toBeGreaterThan(Math.hypot(-0.6, 0.4));
    // The dots are drawn after the letters: on top of them.
    const children = [...root.querySelector("svg")!.children].map((c) => c.getAttribute("class") ?? "");
    const lastLabel = children.map((c) => c.startsWith("group-label")).lastIndexOf(true);
    expect(lastLabel).toBeLessThan(children.findIndex((c) => c.startsWith("dot")));
    expect(root.querySelector("svg")!.getAttribute("aria-label")).toContain("3 personnes placées en 2 groupes");
  });

  it("the table alternative says the same: each group, its size split, its statements with their rates", () => {
    const root = document.createElement("div");
    render(<OpinionTable opinion={mapped} />, root);
    const rows = [...root.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ["A", "2", "1", "1", "Affirmation s1 (90 % d'accord)"],
      ["B", "1", "1", "0", "Affirmation s2 (75 % pas d'accord)"],
    ]);
  });
});

describe("Animer's keys on an opinion map", () => {
  it("opinion maps are activities after the polls, and Space opens or closes the one in focus", () => {
    const s = { ...snapshot(opinion({ state: "draft" })), screen: { view: "opinion" as const, opinionId: "o1" } };
    expect(activities(s)).toEqual([{ kind: "opinion", opinionId: "o1" }, { kind: "questions" }]);
    expect(focusIndex(s)).toBe(0);
    expect(callsFor("toggleVoting", s, null)).toEqual([{ method: "OpenOpinion", payload: { opinionId: "o1" } }]);
    const open = { ...s, opinions: [opinion()] };
    expect(callsFor("toggleVoting", open, null)).toEqual([{ method: "CloseOpinion", payload: { opinionId: "o1" } }]);
    expect(callsFor("next", open, null)).toEqual([{ method: "SetScreen", payload: { view: "questions" } }]);
  });
});

describe("a pushed opinion's national map", () => {
  const national = {
    programmeOpinionId: "no1", cafes: 3, people: 90, consensus: [{ statementId: "s2", score: 0.8 }],
    groups: [{ id: 0, size: 50, onsite: 30, remote: 20, representative: [{ statementId: "s1", agreeRate: 0.9, agrees: true }] },
      { id: 1, size: 40, onsite: 10, remote: 30, representative: [{ statementId: "s1", agreeRate: 0.8, agrees: false }] }],
    map: [{ x: 0.5, y: 0.5, weight: 50, group: 0 }, { x: -0.5, y: -0.5, weight: 40, group: 1 }],
    here: [{ x: 0.45, y: 0.5, weight: 12, group: 0 }],
  };

  it("arrives by its own event, keeps the café's own map, and my national group follows the server's opinionMe", () => {
    const store = new SessionStore();
    store.reset(snapshot(opinion({ nationalOpinionId: "no1", groups: [{ id: 0, size: 3, onsite: 3, remote: 0, representative: [] }] })));
    store.apply({ seq: 2, events: [
      { type: "opinionNational", opinionId: "o1", national },
      { type: "opinionMe", opinionId: "o1", me: { x: 0, y: 0, group: 0 }, next: null, nationalGroup: 1 },
      { type: "screenChanged", view: "opinion", opinionId: "o1", national: true },
    ] });
    const o = store.snapshot!.opinions![0];
    expect(o.national!.people).toBe(90);
    expect(o.groups.map((g) => g.size)).toEqual([3]);
    expect(o.nationalGroup).toBe(1);
    expect(store.snapshot!.screen).toEqual({ view: "opinion", opinionId: "o1", national: true });
    // A broadcast of the opinion (a statement added) keeps the national map it does not carry.
    store.apply({ seq: 3, events: [{ type: "opinionChanged", opinion: opinion({ nationalOpinionId: "no1" }) }, { type: "screenChanged", view: "opinion", opinionId: "o1" }] });
    expect(store.snapshot!.opinions![0].national!.cafes).toBe(3);
    expect(store.snapshot!.screen).toEqual({ view: "opinion", opinionId: "o1" });
    store.apply({ seq: 4, events: [{ type: "opinionMe", opinionId: "o1", me: null, next: null }] });
    expect(store.snapshot!.opinions![0].nationalGroup).toBeNull();
  });

  it("is drawn with dots sized by the people they stand for and this café's people ringed", () => {
    const root = document.createElement("div");
    render(<NationalMapPicture national={national} />, root);
    const dots = [...root.querySelectorAll<SVGCircleElement>("circle.dot.weighted")];
    expect(dots.map((d) => d.getAttribute("data-weight"))).toEqual(["50", "40"]);
    expect(Number(dots[0].getAttribute("r"))).toBeGreaterThan(Number(dots[1].getAttribute("r")));
    expect(root.querySelectorAll("circle.here")).toHaveLength(1);
    expect(root.querySelector("svg")!.getAttribute("aria-label")).toContain("90 personnes de 3 cafés, en 2 groupes");
    expect([...root.querySelectorAll(".group-label")].map((g) => g.getAttribute("data-group"))).toEqual(["0", "1"]);
  });
});
