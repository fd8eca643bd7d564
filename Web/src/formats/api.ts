import type { ActivityKind } from "../lib/protocol";

// The catalogue's HTTP API (docs/PROTOCOL.md, "Catalogue of formats" and "From a format").

export interface FormatEntry {
  formatId: string;
  version: number;
  title: string;
  description?: string;
  audience?: string;
  language: "fr" | "en";
  durationMinutes: number;
  licence: string;
  activities: number;
  publishedAt: string;
  cafes: number;
}
export interface FormatActivity { id: string; kind: ActivityKind; title: string; durationMinutes: number; notes?: string;
  poll?: { question: string; kind: string; options?: string[] }; opinion?: { topic: string; statements?: string[] } }
export interface Format { schemaVersion: number; title: string; description?: string; audience?: string; language: "fr" | "en";
  durationMinutes: number; licence: string; agenda: FormatActivity[] }
export interface FormatCafe { joinCode: string; title: string; version: number; state: string; startedAt?: string;
  participants: number; questions: number; ballots: number; report: string }
export interface FormatDetail { formatId: string; version: number; publishedAt: string; format: Format;
  versions: { version: number; publishedAt: string; title: string }[]; cafes: FormatCafe[] }

export async function search(query: string, language: string, audience: string): Promise<FormatEntry[]> {
  const params = new URLSearchParams();
  if (query.trim()) params.set("query", query.trim());
  if (language) params.set("language", language);
  if (audience.trim()) params.set("audience", audience.trim());
  const response = await fetch(`/api/formats?${params}`);
  if (!response.ok) throw new Error(String(response.status));
  return ((await response.json()) as { formats: FormatEntry[] }).formats;
}

export async function load(formatId: string, version?: number): Promise<FormatDetail | null> {
  const response = await fetch(`/api/formats/${encodeURIComponent(formatId)}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(String(response.status));
  const detail = (await response.json()) as FormatDetail;
  if (version === undefined || version === detail.version) return detail;
  const old = await fetch(`/api/formats/${encodeURIComponent(formatId)}/versions/${version}`);
  if (!old.ok) return detail;
  const { format, publishedAt } = (await old.json()) as { format: Format; publishedAt: string };
  return { ...detail, version, format, publishedAt };
}
