import type { Question } from "../lib/protocol";

// The moderator's keys on the focused question card: A approve (or restore from the archive),
// P pin (again: unpin), D done (answered), H hide, M merge into the suggested duplicate. Which call a key means depends on the question's status; the server
// still decides (a transition not in its table is refused).

export interface HubCall { method: string; payload: object }

export function moderatorCallFor(key: string, q: Question): HubCall | null {
  const questionId = q.id;
  switch (key.toLowerCase()) {
    case "a":
      // Approve what waits or was rejected; bring back what is archived (answered or hidden).
      if (q.status === "pending" || q.status === "rejected") return { method: "ApproveQuestion", payload: { questionId } };
      return q.status === "hidden" || q.status === "answered" ? { method: "RestoreQuestion", payload: { questionId } } : null;
    case "p":
      if (q.status === "pinned") return { method: "UnpinQuestion", payload: { questionId } };
      return q.status === "pending" || q.status === "visible" || q.status === "answered" ? { method: "PinQuestion", payload: { questionId } } : null;
    case "d":
      return q.status === "visible" || q.status === "pinned" ? { method: "MarkAnswered", payload: { questionId } } : null;
    case "m": {
      // Merge into the duplicate the server suggests (the first one it named).
      const into = q.similarTo?.[0];
      return into && q.status !== "merged" ? { method: "MergeQuestions", payload: { questionId, intoQuestionId: into } } : null;
    }
    case "h":
      return q.status === "pending" || q.status === "visible" || q.status === "pinned" || q.status === "answered" ? { method: "HideQuestion", payload: { questionId } } : null;
    default:
      return null;
  }
}

/** The tabs of the queue, and which statuses each holds; "done" and "hidden" are the archive, restorable with A. */
export type QueueTab = "todo" | "pinned" | "done" | "hidden";
export const tabStatuses: Record<QueueTab, Question["status"][]> = {
  todo: ["pending", "visible"],
  pinned: ["pinned"],
  done: ["answered"],
  hidden: ["hidden", "rejected"],
};
