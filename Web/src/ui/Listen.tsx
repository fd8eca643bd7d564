import { useEffect, useState } from "preact/hooks";
import { t } from "../lib/i18n";

/** The voices of the browser's speech synthesis, once it has listed them (none: no button). */
function useVoices(): SpeechSynthesisVoice[] {
  const synth = typeof speechSynthesis === "undefined" ? null : speechSynthesis;
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth?.getVoices() ?? []);
  useEffect(() => {
    if (!synth) return;
    const update = () => setVoices(synth.getVoices());
    update();
    synth.addEventListener?.("voiceschanged", update);
    return () => synth.removeEventListener?.("voiceschanged", update);
  }, [synth]);
  return voices;
}

/** What "listen" reads of a poll: its question, then the options read out (none: the question alone). */
export const pollSpeech = (question: string, options: string[]) =>
  options.length > 0 ? `${question} ${t("listen.options")} ${options.join(" ; ")}.` : question;

/** BCP 47 tags for the session's languages. */
const tags = { fr: "fr-FR", en: "en-GB" } as const;

/**
 * "Listen": reads a text aloud in the session's language with the browser's own speech synthesis:
 * nothing goes to the server or the network. Hidden where the browser has no voice.
 */
export function Listen({ text, lang }: { text: string; lang: "fr" | "en" }) {
  const voices = useVoices();
  if (voices.length === 0) return null;
  const speak = () => {
    speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = tags[lang];
    const voice = voices.find((v) => v.lang.toLowerCase().startsWith(lang));
    if (voice) utterance.voice = voice;
    speechSynthesis.speak(utterance);
  };
  return (
    <button type="button" class="btn quiet small listen" onClick={speak} aria-label={t("listen.label", { text: text.length > 80 ? `${text.slice(0, 80)}…` : text })}>
      <span aria-hidden="true">🔊</span> {t("listen.button")}
    </button>
  );
}
