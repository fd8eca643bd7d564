import { describe, expect, it } from "vitest";
import { callHub } from "../src/session/call";
import { CallRefused } from "../src/lib/protocol";

describe("callHub: one way to call the hub", () => {
  it("returns the value of a call that succeeds", async () => {
    expect(await callHub(async () => 42)).toEqual({ ok: true, value: 42 });
  });

  it("turns a refusal into its code and a sentence, never the raw message", async () => {
    const result = await callHub(async () => {
      throw new CallRefused("closed", "This poll is not open for votes.");
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("closed");
    expect(result.sentence).not.toContain("closed:");
  });

  it("says a failure without a code is unknown: it may have been recorded", async () => {
    const result = await callHub(async () => { throw new Error("WebSocket closed with status code: 1006"); });
    expect(result).toMatchObject({ ok: false, code: "unknown" });
  });

  it("passes 'unavailable' on with its sentence", async () => {
    const result = await callHub(async () => { throw new CallRefused("unavailable", "Storage is unavailable: nothing was recorded."); });
    expect(result).toMatchObject({ ok: false, code: "unavailable" });
  });
});
