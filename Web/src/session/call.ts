import { refusalOf, refusalSentence } from "../lib/protocol";

/** A hub call's outcome: its value, or a refusal with its stable code and a sentence for people. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; code: string; sentence: string };

/** Runs a hub call and turns a refusal (or a lost connection) into a CallResult; never throws. */
export async function callHub<T>(invoke: () => Promise<T>): Promise<CallResult<T>> {
  try {
    return { ok: true, value: await invoke() };
  } catch (error) {
    // No code: the connection failed (or the server could not say why): not recorded, retry.
    const { code = "unavailable", sentence } = refusalOf(error);
    return { ok: false, code, sentence: refusalSentence(code, sentence) };
  }
}
