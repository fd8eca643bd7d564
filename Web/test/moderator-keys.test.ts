import { describe, expect, it } from "vitest";
import { moderatorCallFor } from "../src/moderator/keys";
import type { Question } from "../src/lib/protocol";

const q = (status: Question["status"]): Question => ({ id: "q1", text: "?", votes: 0, status, mode: "onsite", askedAt: "2026-12-01T10:00:00Z" });
const method = (key: string, status: Question["status"]) => moderatorCallFor(key, q(status))?.method ?? null;

describe("the moderator's keys on the focused card", () => {
  it("A approves what waits or was rejected, restores what is archived, and nothing else", () => {
    expect(method("a", "pending")).toBe("ApproveQuestion");
    expect(method("A", "hidden")).toBe("RestoreQuestion");
    expect(method("a", "answered")).toBe("RestoreQuestion");
    expect(method("a", "rejected")).toBe("ApproveQuestion");
    expect(method("a", "visible")).toBeNull();
  });

  it("M merges into the first duplicate the server suggests, when there is one", () => {
    expect(moderatorCallFor("m", { ...q("visible"), similarTo: ["q7", "q9"] })).toEqual({ method: "MergeQuestions", payload: { questionId: "q1", intoQuestionId: "q7" } });
    expect(method("m", "visible")).toBeNull();
  });

  it("P pins, and unpins the pinned one", () => {
    expect(method("p", "visible")).toBe("PinQuestion");
    expect(method("p", "pending")).toBe("PinQuestion");
    expect(method("p", "pinned")).toBe("UnpinQuestion");
    expect(method("p", "hidden")).toBeNull();
  });

  it("D marks answered what the room sees; H hides what is not hidden yet", () => {
    expect(method("d", "visible")).toBe("MarkAnswered");
    expect(method("d", "pinned")).toBe("MarkAnswered");
    expect(method("d", "pending")).toBeNull();
    expect(method("h", "answered")).toBe("HideQuestion");
    expect(method("h", "hidden")).toBeNull();
    expect(method("x", "visible")).toBeNull();
  });

  it("names the question in the call", () => {
    expect(moderatorCallFor("p", q("visible"))).toEqual({ method: "PinQuestion", payload: { questionId: "q1" } });
  });
});
