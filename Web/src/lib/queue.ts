import type { Question } from "./protocol";

export type QueueOrder = "votes" | "time" | "fairness";

// The server's QuestionQueue (Grains/CafeIA.Grains/Domain/QuestionQueue.cs) as screens run it on
// every change; both are held to one table of cases, Web/test/vectors/question-order.json.

/** Ordinal, as the server's StringComparer.Ordinal: never the locale's order. askedAt is the server's
 *  ISO 8601 with a "+00:00" offset, whose text order is its time order. */
const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byVotes = (a: Question, b: Question) =>
  b.votes - a.votes || ordinal(a.askedAt, b.askedAt) || ordinal(a.id, b.id);

export function order(questions: Question[], how: QueueOrder): Question[] {
  if (how === "time") return [...questions].sort((a, b) => ordinal(b.askedAt, a.askedAt) || ordinal(a.id, b.id));
  if (how === "votes") return [...questions].sort(byVotes);
  const onsite = questions.filter((q) => q.mode === "onsite").sort(byVotes);
  const remote = questions.filter((q) => q.mode === "remote").sort(byVotes);
  let next = onsite.length === 0 ? "remote"
    : remote.length === 0 ? "onsite"
    : onsite[0].votes !== remote[0].votes ? (onsite[0].votes > remote[0].votes ? "onsite" : "remote")
    : onsite[0].askedAt <= remote[0].askedAt ? "onsite" : "remote";
  const result: Question[] = [];
  while (onsite.length + remote.length > 0) {
    const side = next === "onsite" ? (onsite.length ? onsite : remote) : (remote.length ? remote : onsite);
    result.push(side.shift()!);
    next = next === "onsite" ? "remote" : "onsite";
  }
  return result;
}
