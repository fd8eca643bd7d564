import { useEffect, useState } from "preact/hooks";
import type { Poll } from "../lib/protocol";
import type { CallResult } from "../session/call";
import { t, tn } from "../lib/i18n";
import { useAction } from "../session/action";
import { pollPictograms } from "../lib/pictograms";
import { barLabels } from "./Results";
import { Listen, pollSpeech } from "./Listen";
import { Pictogram } from "./Pictogram";
import { Refusal } from "./States";

/** The kinds a tap answers: a choice, several choices, a rating. */
export const tapKinds = new Set(["single", "multiple", "rating"]);

/** The ballot for the options tapped: a rating's value (option i is the value i + 1), else the choices. */
export const tapVote = (poll: Poll, options: number[]): { rating: number } | { choices: number[] } =>
  poll.kind === "rating" ? { rating: options[0] + 1 } : { choices: options };

/**
 * One poll as large buttons, with pictograms where the kind allows: one tap sends a choice or a
 * rating; several choices are picked, then sent. Used by the kiosk and by easy-read phones.
 * `picked` holds the options this screen's person already chose (as the server accepted them).
 */
export function TapBallot({ poll, lang, picked = [], onSend, headingId }: {
  poll: Poll; lang: "fr" | "en"; picked?: number[]; headingId: string;
  onSend: (options: number[]) => Promise<CallResult<unknown>>;
}) {
  const [choices, setChoices] = useState<number[]>(picked);
  useEffect(() => setChoices(picked), [picked.join(",")]);
  const [run, state] = useAction();
  const labels = barLabels(poll);
  const pictograms = pollPictograms(poll);
  const single = poll.kind !== "multiple";
  const full = !single && !!poll.maxChoices && choices.length >= poll.maxChoices;
  const open = poll.state === "open";
  const send = (options: number[]) => run(() => onSend(options));
  const pick = (i: number) => {
    if (single) {
      setChoices([i]);
      void send([i]);
    } else setChoices(choices.includes(i) ? choices.filter((c) => c !== i) : [...choices, i]);
  };
  return (
    <section class="tap-ballot" data-poll={poll.id} aria-labelledby={headingId}>
      <h2 id={headingId}>{poll.question}</h2>
      <Listen text={pollSpeech(poll.question, labels)} lang={lang} />
      <p class="note">{single ? t("easy.tapToVote") : poll.maxChoices ? tn("ballot.upTo", poll.maxChoices) : t("ballot.severalChoices")}</p>
      <ul class="tap-options" role="list">
        {labels.map((label, i) => (
          <li key={i}>
            <button type="button" class="btn tap-option" aria-pressed={choices.includes(i)}
              disabled={!open || state.pending || (full && !choices.includes(i))} onClick={() => pick(i)}>
              {pictograms[i] && <Pictogram icon={pictograms[i]!} />}
              <span class="label">{label}</span>
              {choices.includes(i) && <span class="chosen">{t("easy.chosen")}</span>}
            </button>
          </li>
        ))}
      </ul>
      {!single && open && <button type="button" class="btn primary wide" disabled={state.pending || choices.length === 0} onClick={() => void send(choices)}>{t("ballot.vote")}</button>}
      <Refusal message={state.error} />
    </section>
  );
}
