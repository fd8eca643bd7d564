// Facilitators' optional sign-in (docs/PROTOCOL.md, "Sign-in and organisations"). GET /api/me tells
// the page all it needs in one cheap call: 200 signed in (with the antiforgery token), 401 sign-in
// is on but nobody is signed in, 404 sign-in is off on this server (the route does not exist).

export interface SignedIn { subject: string; name: string; antiforgeryToken: string }
export type SignIn = { state: "in"; me: SignedIn } | { state: "out" } | { state: "off" };

export async function signInState(): Promise<SignIn> {
  const response = await fetch("/api/me", { credentials: "same-origin" }).catch(() => null);
  if (response?.ok) return { state: "in", me: (await response.json()) as SignedIn };
  return response?.status === 401 ? { state: "out" } : { state: "off" };
}

/** The provider's sign-in page, then back to this local path (a fragment, e.g. an invitation key, survives the trip). */
export const signInUrl = (returnTo: string) => `/auth/signin?returnUrl=${encodeURIComponent(returnTo)}`;
