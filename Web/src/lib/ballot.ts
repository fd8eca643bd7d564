import { h } from "./dom";
import { t, tn } from "./i18n";
import type { Poll } from "./protocol";

// The participant's ballot form for each poll kind. What is typed or ticked but not yet sent
// survives re-renders (data-keep fields, and `draft` for choices).

export interface BallotPayload { choices?: number[]; words?: string[]; rating?: number; text?: string }

export function ballotForm(poll: Poll, draft: number[] | undefined, onSubmit: (ballot: BallotPayload) => void, onTick: (choices: number[]) => void): HTMLFormElement {
  const open = poll.state === "open";
  const voted = poll.myChoices !== undefined || poll.myWords !== undefined || poll.myRating !== undefined || poll.myText !== undefined;
  const form = h("form", { class: "ballot", "data-poll": poll.id },
    h("fieldset", { disabled: !open }, h("legend", {}, poll.question), ...fields(poll, draft)),
    open && h("button", { type: "submit", "data-focus": `vote-${poll.id}` }, submitLabel(poll, voted)),
    voted && h("p", { class: "confirmation" }, poll.kind === "openText"
      ? t("ballot.answerSaved")
      : t("ballot.voteCounted")),
    !open && h("p", { class: "closed" }, t("ballot.closed")));
  form.addEventListener("change", () => {
    if (poll.kind === "single" || poll.kind === "multiple") {
      const ticked = new FormData(form).getAll("choice").map(Number);
      onTick(ticked);
      limitChoices(form, poll);
    }
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    switch (poll.kind) {
      case "single":
      case "multiple":
        onSubmit({ choices: data.getAll("choice").map(Number) });
        break;
      case "wordCloud":
        onSubmit({ words: data.getAll("word").map(String).filter((w) => w.trim() !== "") });
        break;
      case "rating":
        onSubmit({ rating: Number(data.get("rating")) || undefined });
        break;
      case "openText":
        onSubmit({ text: String(data.get("text") ?? "") });
        break;
    }
  });
  limitChoices(form, poll);
  return form;
}

function submitLabel(poll: Poll, voted: boolean): string {
  const isVote = poll.kind === "single" || poll.kind === "multiple" || poll.kind === "rating";
  return t(isVote ? (voted ? "ballot.changeVote" : "ballot.vote") : (voted ? "ballot.changeAnswer" : "common.send"));
}

function fields(poll: Poll, draft: number[] | undefined): (HTMLElement | false)[] {
  switch (poll.kind) {
    case "single":
    case "multiple": {
      const type = poll.kind === "single" ? "radio" : "checkbox";
      const ticked = draft ?? poll.myChoices ?? [];
      return [
        poll.kind === "multiple" && h("p", { class: "note" },
          poll.maxChoices ? tn("ballot.upTo", poll.maxChoices) : t("ballot.severalChoices")),
        ...poll.options.map((option, i) =>
          h("label", { class: "choice" },
            h("input", { type, name: "choice", value: i, checked: ticked.includes(i), "data-focus": `${poll.id}-${i}` }),
            option)),
      ];
    }
    case "wordCloud":
      return [0, 1, 2].map((i) => h("label", { class: "word-field" },
        t(i === 0 ? "ballot.firstWord" : "ballot.otherWord"),
        h("input", {
          name: "word", maxlength: 30, autocomplete: "off", value: poll.myWords?.[i] ?? "", required: i === 0,
          "data-focus": `${poll.id}-word-${i}`, "data-keep": true,
        })));
    case "rating": {
      const max = poll.scaleMax ?? 5;
      return [
        h("div", { class: "scale" },
          ...Array.from({ length: max }, (_, i) => i + 1).map((v) =>
            h("label", { class: "scale-value" },
              h("input", { type: "radio", name: "rating", value: v, checked: poll.myRating === v, "data-focus": `${poll.id}-rating-${v}` }),
              String(v)))),
        h("p", { class: "scale-labels" },
          [poll.minLabel && `1 = ${poll.minLabel}`, poll.maxLabel && `${max} = ${poll.maxLabel}`].filter(Boolean).join(" · ")),
      ];
    }
    case "openText":
      return [h("label", {},
        t("ballot.openText"),
        h("textarea", { name: "text", rows: 3, maxlength: 280, required: true, "data-focus": `${poll.id}-text`, "data-keep": true }, poll.myText ?? ""))];
  }
}

/** A multiple-choice poll with a maximum: once reached, the other boxes are disabled. */
function limitChoices(form: HTMLFormElement, poll: Poll): void {
  if (poll.kind !== "multiple" || !poll.maxChoices) return;
  const boxes = [...form.querySelectorAll<HTMLInputElement>("input[name=choice]")];
  const full = boxes.filter((b) => b.checked).length >= poll.maxChoices;
  for (const box of boxes) box.disabled = poll.state !== "open" || (full && !box.checked);
}
