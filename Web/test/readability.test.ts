import { describe, expect, it } from "vitest";
import { fr } from "../src/i18n/fr";
import { frFacile, type FacileKey } from "../src/i18n/fr-facile";

// An automated check of the easy-read texts against Inclusion Europe's easy-to-read rules that a
// machine can check: short sentences, short everyday words, numbers in digits, none of the signs
// the rules ask to avoid; and a readability score, Kandel & Moles' French adaptation of Flesch's
// reading ease, 207 − 1.015 × words per sentence − 73.6 × syllables per word (higher is easier;
// 70 and over reads as "easy" on Flesch's scale; short interface texts score high, so the bar is set near what these texts reach, well above standard French).
//
// Why these bounds: Inclusion Europe asks for short sentences with one idea each — 12 words leaves
// room for « Vous pouvez choisir plusieurs réponses. » and none for two ideas joined by commas;
// and for short, everyday words — 12 letters keeps « participants » (12) and refuses
// « automatiquement » (15) or « malheureusement » (15), which have shorter everyday equivalents.

const MAX_WORDS = 12;
const MAX_LETTERS = 12;
const MIN_SCORE = 95;

const filled = (text: string) => text.replace(/\{\w+\}/g, "X");
const sentencesOf = (text: string) => filled(text).split(/(?<=[.!?:])\s+/).map((s) => s.trim()).filter(Boolean);
const wordsOf = (sentence: string) => sentence.split(/[\s'’-]+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);

/** Syllables of a French word: its vowel groups, less a silent final e or es. */
function syllables(word: string): number {
  const w = word.toLowerCase();
  const groups = w.match(/[aeiouyàâäéèêëîïôöùûüœæ]+/g)?.length ?? 1;
  return Math.max(1, /[^aeiouy]es?$/.test(w) && groups > 1 ? groups - 1 : groups);
}

function kandelMoles(texts: string[]): number {
  const sentences = texts.flatMap(sentencesOf);
  const words = sentences.flatMap(wordsOf);
  const syl = words.reduce((n, w) => n + syllables(w), 0);
  return 207 - 1.015 * (words.length / sentences.length) - 73.6 * (syl / words.length);
}

const entries = Object.entries(frFacile) as Array<[FacileKey, string]>;

describe("the easy-read (fr-facile) texts", () => {
  it("are short sentences of short words", () => {
    for (const [key, text] of entries) {
      for (const sentence of sentencesOf(text)) {
        const words = wordsOf(sentence);
        expect(words.length, `${key}: ${sentence}`).toBeLessThanOrEqual(MAX_WORDS);
        for (const word of words) expect(word.length, `${key}: ${word} in « ${sentence} »`).toBeLessThanOrEqual(MAX_LETTERS);
      }
    }
  });

  it("use none of the signs the rules avoid, and write numbers in digits", () => {
    for (const [key, text] of entries) {
      expect(text, key).not.toMatch(/[;()\[\]…&%«»/]|etc\.|\be\.g\./);
      expect(text.toLowerCase(), key).not.toMatch(/\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt|cent|mille)\b/);
    }
  });

  it("reads as easy on the Kandel & Moles scale, and clearly easier than the same texts in standard French", () => {
    const facile = kandelMoles(entries.map(([, text]) => text));
    const standard = kandelMoles(entries.map(([key]) => fr[key]));
    console.info(`Kandel & Moles: fr-facile ${facile.toFixed(1)}, fr ${standard.toFixed(1)}`);
    expect(facile).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(facile - standard).toBeGreaterThanOrEqual(10);
  });

  it("keeps every placeholder of the French text, so nothing is left unfilled or lost", () => {
    for (const [key, text] of entries) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(text), key).toEqual(names(fr[key]));
    }
  });

  it("the check itself refuses a long sentence, a long word and a hard text", () => {
    expect(wordsOf("Vous pouvez choisir une réponse ou plusieurs réponses parmi toutes celles qui vous sont proposées ici.").length).toBeGreaterThan(MAX_WORDS);
    expect("malheureusement".length).toBeGreaterThan(MAX_LETTERS);
    expect(kandelMoles(["L'interopérabilité institutionnelle conditionne l'appropriation démocratique des technologies algorithmiques."])).toBeLessThan(MIN_SCORE);
  });
});
