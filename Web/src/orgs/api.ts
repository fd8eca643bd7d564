import type { SessionCreated } from "../lib/wire.generated";
import type { MyOrganisations, OrganisationInvitation, OrganisationView, RecoveredKeys } from "../lib/wire.generated";

// The organisations' HTTP API (docs/PROTOCOL.md, "Sign-in and organisations"). Every call rides on
// the sign-in cookie; every state-changing one also sends the antiforgery token from GET /api/me.
// A refusal is read from the answer's structured fields, never guessed from the status alone.

export type { MyOrganisations, OrganisationInvitation, OrganisationView, RecoveredKeys, SessionCreated };
export interface ApiRefusal { status: number; error: string; message: string; field?: string }
export type Answer<T> = { ok: true; value: T } | { ok: false; refusal: ApiRefusal };

let antiforgeryToken = "";

/** Set once from GET /api/me; sent as X-CSRF-TOKEN on every POST, PUT and DELETE. */
export function useToken(token: string): void {
  antiforgeryToken = token;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (method !== "GET") headers["X-CSRF-TOKEN"] = antiforgeryToken;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) })
    .catch(() => null);
  if (!response) return { ok: false, refusal: { status: 0, error: "unavailable", message: "" } };
  const json = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: json as T };
  return { ok: false, refusal: { status: response.status, error: json?.error ?? "unknown", message: json?.message ?? "", field: json?.field } };
}

const org = (id: string) => `/api/orgs/${encodeURIComponent(id)}`;
const cafe = (id: string, sessionId: string) => `${org(id)}/cafes/${encodeURIComponent(sessionId)}`;

export const myOrganisations = () => call<MyOrganisations>("GET", "/api/orgs");
export const createOrganisation = (name: string) => call<OrganisationView>("POST", "/api/orgs", { name });
export const organisation = (id: string) => call<OrganisationView>("GET", org(id));
export const invite = (id: string) => call<OrganisationInvitation>("POST", `${org(id)}/invitations`);
export const accept = (id: string, invitationKey: string) => call<OrganisationView>("POST", `${org(id)}/members`, { invitationKey });
export const removeMember = (id: string, subject: string) => call<null>("DELETE", `${org(id)}/members/${encodeURIComponent(subject)}`);
export const recoverKeys = (id: string, sessionId: string) => call<RecoveredKeys>("GET", `${cafe(id, sessionId)}/keys`);
export const duplicate = (id: string, sessionId: string, title: string) => call<SessionCreated>("POST", `${cafe(id, sessionId)}/duplicates`, { title });
export const handOver = (id: string, sessionId: string, subject: string) => call<OrganisationView>("PUT", `${cafe(id, sessionId)}/holder`, { subject });
export const createCafe = (organisationId: string, title: string, language: string) =>
  call<SessionCreated>("POST", "/api/sessions", { title, language, organisationId });
export const signOut = () => call<null>("POST", "/auth/signout");

/** The page's link that carries an invitation: the key in the fragment, which browsers never send to a server. */
export const invitationLink = (origin: string, id: string, key: string) => `${origin}/orgs/${id}/join#invitation=${encodeURIComponent(key)}`;
