import { refusalOf, refusalSentence } from "../lib/protocol";
import { t } from "../lib/i18n";

/** A hub call's outcome: its value, or a refusal with its stable code and a sentence for people. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; code: string; sentence: string };

/** Runs a hub call and turns a refusal (or a lost connection) into a CallResult; never throws. */
export async function callHub<T>(invoke: () => Promise<T>): Promise<CallResult<T>> {
  try {
    return { ok: true, value: await invoke() };
  } catch (error) {
    // No code: the connection failed and its retries with it; whether it was applied is unknown.
    const { code, sentence } = refusalOf(error);
    return code ? { ok: false, code, sentence: refusalSentence(code, sentence) } : { ok: false, code: "unknown", sentence: t("refusal.unknown") };
  }
}
