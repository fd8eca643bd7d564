import { Check, X, CircleQuestionMark, FaceAngry, FaceSlightlyFrowning, FaceNeutral, FaceSlightlySmiling, FaceGrinning, type IconNode } from "lucide";
import type { Poll } from "./protocol";

// Pictograms for the answers, where the poll kind allows: faces along a rating scale, and a tick,
// a cross or a question mark for the usual yes / no / don't-know options (French and English).
// Other options carry no pictogram: a wrong picture would mislead more than none.

const faces: IconNode[] = [FaceAngry, FaceSlightlyFrowning, FaceNeutral, FaceSlightlySmiling, FaceGrinning];

const normalise = (label: string) => label.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  .replace(/[’']/g, " ").replace(/[^a-z ]/g, " ").replace(/\s+/g, " ").trim();

const answers: Array<[IconNode, string[]]> = [
  [Check, ["oui", "yes", "d accord", "tout a fait", "tout a fait d accord", "pour", "vrai", "true", "agree"]],
  [X, ["non", "no", "pas d accord", "pas du tout", "pas du tout d accord", "contre", "faux", "false", "disagree"]],
  [CircleQuestionMark, ["je ne sais pas", "ne sais pas", "sans avis", "peut etre", "maybe", "i don t know", "don t know", "not sure", "no opinion"]],
];

/** The pictogram of a choice's label, if it is one of the usual answers. */
export function answerPictogram(label: string): IconNode | undefined {
  const l = normalise(label);
  return answers.find(([, words]) => words.includes(l))?.[0];
}

/** The face for value v (1-based) of a scale of max values: from angry to grinning. */
export function ratingPictogram(v: number, max: number): IconNode {
  const i = max <= 1 ? 2 : Math.round(((v - 1) / (max - 1)) * (faces.length - 1));
  return faces[Math.min(faces.length - 1, Math.max(0, i))];
}

/** The pictogram of each option of a poll the tap ballot shows (undefined where none fits). */
export function pollPictograms(poll: Poll): Array<IconNode | undefined> {
  if (poll.kind === "rating") {
    const max = poll.scaleMax ?? 5;
    return Array.from({ length: max }, (_, i) => ratingPictogram(i + 1, max));
  }
  return poll.options.map(answerPictogram);
}
