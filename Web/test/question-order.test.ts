import { describe, expect, it } from "vitest";
import { order, type QueueOrder } from "../src/lib/queue";
import type { Question } from "../src/lib/protocol";
import vectors from "./vectors/question-order.json";

// The same table the server's QuestionQueue is tested against (tests/CafeIA.Domain.Tests/QuestionOrderVectorTests.cs):
// the order is one rule, held together by these cases.
interface Case {
  name: string;
  questions: { id: string; mode: "onsite" | "remote"; votes: number; askedAt: string }[];
  votes: string[];
  time: string[];
  fairness: string[];
}

const table = vectors as { cases: Case[] };

describe("the question order: shared cases with the server", () => {
  it("has cases to run", () => expect(table.cases.length).toBeGreaterThan(3));
  for (const c of table.cases) {
    it(c.name, () => {
      const questions = c.questions.map((q) => ({ ...q, text: "?", status: "visible" }) as Question);
      for (const how of ["votes", "time", "fairness"] as QueueOrder[]) {
        expect(order(questions, how).map((q) => q.id), how).toEqual(c[how]);
      }
    });
  }
});
