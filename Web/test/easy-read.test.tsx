import { afterEach, describe, expect, it } from "vitest";
import { Check, CircleQuestionMark, FaceAngry, FaceGrinning, FaceNeutral, X } from "lucide";
import { t } from "../src/lib/i18n";
import { chooseEasyRead, easyRead, followSessionDefault } from "../src/lib/easyRead";
import { answerPictogram, pollPictograms, ratingPictogram } from "../src/lib/pictograms";
import type { Poll } from "../src/lib/protocol";

const poll = (extra: Partial<Poll>): Poll => ({
  id: "p1", question: "Q", kind: "single", options: [], state: "open", hideResults: false, revealed: false, ...extra,
});
const until = async (ok: () => boolean) => {
  const deadline = Date.now() + 2000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe("pictograms for the answers, where the kind allows", () => {
  it("the usual yes / no / don't-know answers get a tick, a cross, a question mark; other options none", () => {
    expect(answerPictogram("Oui")).toBe(Check);
    expect(answerPictogram("  Non ! ")).toBe(X);
    expect(answerPictogram("Je ne sais pas")).toBe(CircleQuestionMark);
    expect(answerPictogram("Pas d’accord")).toBe(X);
    expect(answerPictogram("Don't know")).toBe(CircleQuestionMark);
    expect(answerPictogram("Une aide")).toBeUndefined();
    expect(answerPictogram("Non, mais")).toBeUndefined();
  });

  it("a rating scale goes from an angry face to a grinning one, whatever its length", () => {
    expect(pollPictograms(poll({ kind: "rating", scaleMax: 5 }))).toEqual(pollPictograms(poll({ kind: "rating" })));
    expect(ratingPictogram(1, 5)).toBe(FaceAngry);
    expect(ratingPictogram(3, 5)).toBe(FaceNeutral);
    expect(ratingPictogram(5, 5)).toBe(FaceGrinning);
    expect(ratingPictogram(10, 10)).toBe(FaceGrinning);
    expect(pollPictograms(poll({ kind: "rating", scaleMax: 3 }))).toHaveLength(3);
  });
});

describe("easy-read mode", () => {
  afterEach(async () => {
    await chooseEasyRead(false);
    localStorage.clear();
  });

  it("follows the session's default until the reader chooses, then keeps the reader's choice", async () => {
    expect(easyRead.value).toBe(false);
    followSessionDefault(true);
    await until(() => easyRead.value);
    expect(document.documentElement.classList.contains("easy-read")).toBe(true);
    expect(t("participant.waitHint")).toBe("Restez sur cette page. Elle change toute seule.");

    await chooseEasyRead(false);
    expect(localStorage.getItem("cafe.easyRead")).toBe("off");
    followSessionDefault(true); // the reader chose: nothing to load, nothing changes
    expect(easyRead.value).toBe(false);
    expect(document.documentElement.classList.contains("easy-read")).toBe(false);
    expect(t("participant.waitHint")).toBe("Restez sur cette page : elle se met à jour toute seule.");
  });

  it("keys fr-facile does not define keep their French text", async () => {
    await chooseEasyRead(true);
    expect(t("facilitator.easyReadDefault")).toBe("Lecture facile (FALC) par défaut sur les téléphones et les bornes");
    expect(t("ballot.vote")).toBe("Voter");
    expect(t("common.onsite")).toBe("dans la salle");
  });
});
