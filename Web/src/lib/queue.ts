import type { Question } from "./protocol";

export type QueueOrder = "votes" | "time" | "fairness";

// The same orders as the server's QuestionQueue (Grains/CafeIA.Grains/Domain/QuestionQueue.cs),
// which is the reference and is unit-tested; screens re-sort locally on every change.

const byVotes = (a: Question, b: Question) =>
  b.votes - a.votes || a.askedAt.localeCompare(b.askedAt) || a.id.localeCompare(b.id);

export function order(questions: Question[], how: QueueOrder): Question[] {
  if (how === "time") return [...questions].sort((a, b) => b.askedAt.localeCompare(a.askedAt) || a.id.localeCompare(b.id));
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
