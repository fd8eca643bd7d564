import { afterEach, describe, expect, it, vi } from "vitest";
import { signInState, signInUrl } from "../src/lib/signin";
import { createOrganisation, organisation, useToken } from "../src/orgs/api";
import { refusalText } from "../src/orgs/refusals";

const answer = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("sign-in and organisations (what the page reads from the server)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("tells signed in, signed out and sign-in off apart from GET /api/me alone", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    fetch.mockResolvedValueOnce(answer(200, { subject: "s", name: "Odile", antiforgeryToken: "t" }));
    expect(await signInState()).toEqual({ state: "in", me: { subject: "s", name: "Odile", antiforgeryToken: "t" } });
    fetch.mockResolvedValueOnce(answer(401, { error: "forbidden", message: "Sign in first." }));
    expect(await signInState()).toEqual({ state: "out" });
    fetch.mockResolvedValueOnce(answer(404));
    expect(await signInState()).toEqual({ state: "off" });
    fetch.mockRejectedValueOnce(new TypeError("offline"));
    expect(await signInState()).toEqual({ state: "off" });
  });

  it("sends the antiforgery token on changes only, and keeps an invitation's fragment in the return address", async () => {
    const fetch = vi.fn().mockResolvedValue(answer(200, {}));
    vi.stubGlobal("fetch", fetch);
    useToken("tok");
    await createOrganisation("Réseau");
    await organisation("id");
    expect(fetch.mock.calls[0][1].headers["X-CSRF-TOKEN"]).toBe("tok");
    expect(fetch.mock.calls[1][1].headers["X-CSRF-TOKEN"]).toBeUndefined();
    expect(signInUrl("/orgs/a/join#invitation=k")).toBe("/auth/signin?returnUrl=%2Forgs%2Fa%2Fjoin%23invitation%3Dk");
  });

  it("reads a refusal from its structured fields", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(answer(400, { error: "invalid", message: "antiforgery: missing", field: "antiforgery" })));
    const refused = await createOrganisation("Réseau");
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.refusal).toEqual({ status: 400, error: "invalid", message: "antiforgery: missing", field: "antiforgery" });
    expect(refusalText(refused.refusal)).toBe("La page a expiré. Rechargez-la, puis réessayez.");
    expect(refusalText({ status: 403, error: "forbidden", message: "" }, "orgs.invitationInvalid")).toMatch(/^Cette invitation n'est plus valable/);
    expect(refusalText({ status: 401, error: "forbidden", message: "" })).toMatch(/^Votre connexion a expiré/);
  });
});
