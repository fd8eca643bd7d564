import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionConnection } from "../src/lib/connection";
import { CallRefused, refusalOf } from "../src/lib/protocol";

/** What the hub completes a refused call with (docs/PROTOCOL.md, "Refusals"). */
const refusal = (code: string) => ({ refused: { code, message: "sentence" } });

/** A connection whose hub answers with the given sequence (errors are thrown). */
function connectionAnswering(...answers: unknown[]) {
  const connection = new SessionConnection({ joinCode: "ABC234", mode: "onsite" });
  const calls: { method: string; payload: { opId?: string } }[] = [];
  connection.hub.invoke = (async (method: string, payload: { opId?: string }) => {
    calls.push({ method, payload });
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof connection.hub.invoke;
  return { connection, calls };
}

describe("SessionConnection.invoke", () => {
  afterEach(() => vi.useRealTimers());

  it("retries a call refused as unavailable, with the same opId, after 1 and 2 s", async () => {
    vi.useFakeTimers();
    const { connection, calls } = connectionAnswering(refusal("unavailable"), refusal("unavailable"), "done");
    const result = connection.invoke("Vote", { pollId: "p1" });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.length).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await result).toBe("done");
    expect(new Set(calls.map((c) => c.payload.opId)).size).toBe(1);
  });

  it("gives up after three retries and lets the refusal reach the page", async () => {
    vi.useFakeTimers();
    const { connection, calls } = connectionAnswering(...Array.from({ length: 5 }, () => refusal("unavailable")));
    const result = connection.invoke("Vote", { pollId: "p1" }).catch((e: Error) => e);
    await vi.advanceTimersByTimeAsync(8000);
    expect(((await result) as Error).message).toContain("unavailable:");
    expect(calls.length).toBe(4);
  });

  it("never retries another refusal", async () => {
    const { connection, calls } = connectionAnswering(refusal("closed"));
    await expect(connection.invoke("Vote", { pollId: "p1" })).rejects.toMatchObject({ code: "closed", sentence: "sentence" });
    expect(calls.length).toBe(1);
  });

  it("reads a refusal from the result's field, never from an error's text", async () => {
    const { connection } = connectionAnswering(refusal("forbidden"));
    await expect(connection.invoke("Vote", { pollId: "p1" })).rejects.toBeInstanceOf(CallRefused);
    expect(refusalOf(new Error("An unexpected error occurred invoking 'Vote' on the server. HubException: closed: text"))).toEqual({});
  });
});
