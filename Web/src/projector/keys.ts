import type { Shortcut } from "../lib/keys";

// The projector window takes the same keys as Animer. It is read-only, so it hands them to the
// facilitator's Animer page open in the same browser (a BroadcastChannel per session), which
// acts on them; F (fullscreen) and ? (help) stay local.

export const keyChannel = (code: string) => `cafe.keys.${code}`;

export function sendShortcut(code: string, shortcut: Shortcut): void {
  const channel = new BroadcastChannel(keyChannel(code));
  channel.postMessage({ shortcut });
  channel.close();
}

export function listenShortcuts(code: string, act: (shortcut: Shortcut) => void): () => void {
  const channel = new BroadcastChannel(keyChannel(code));
  channel.onmessage = (e: MessageEvent<{ shortcut?: Shortcut }>) => { if (e.data?.shortcut) act(e.data.shortcut); };
  return () => channel.close();
}
