import { describe, expect, it } from "vitest";
import { render } from "preact";
import { signal } from "@preact/signals";

describe("components follow signals", () => {
  it("re-renders a component that reads a signal when it changes", async () => {
    const count = signal(0);
    const Counter = () => <p>{`count ${count.value}`}</p>;
    const root = document.createElement("div");
    render(<Counter />, root);
    expect(root.textContent).toBe("count 0");
    count.value = 1;
    await new Promise((r) => setTimeout(r, 20));
    expect(root.textContent).toBe("count 1");
  });
});

import { LiveSession } from "../src/session/live";
import type { Question } from "../src/lib/protocol";

describe("a LiveSession drawn by components", () => {
  it("redraws a child that shows a question whose votes changed (items are never mutated in place)", async () => {
    const session = new LiveSession({ joinCode: "ABC234", mode: "onsite" });
    const Row = ({ q }: { q: Question }) => <li>{`${q.text} ${q.votes}`}</li>;
    const List = () => <ul>{(session.snapshot.value?.questions ?? []).map((q) => <Row key={q.id} q={q} />)}</ul>;
    const root = document.createElement("div");
    render(<List />, root);
    session.connection.store.reset({
      seq: 1, sessionId: "s", title: "Café", joinCode: "ABC234", state: "live", polls: [], counts: { onsite: 0, remote: 0 }, preModeration: false,
      questions: [{ id: "q1", text: "Qui ?", votes: 0, status: "visible", mode: "onsite", askedAt: "2026-12-01T10:00:00Z" }],
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(root.textContent).toBe("Qui ? 0");
    session.connection.store.apply({ seq: 2, events: [{ type: "questionVotes", questionId: "q1", votes: 4 }] });
    await new Promise((r) => setTimeout(r, 20));
    expect(root.textContent).toBe("Qui ? 4");
  });
});
