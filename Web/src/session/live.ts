import { batch, signal, type Signal } from "@preact/signals";
import { SessionConnection, type JoinRequest } from "../lib/connection";
import type { JoinResult, ProgrammeView, Snapshot } from "../lib/protocol";
import { callHub, type CallResult } from "./call";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "disconnected" | "revoked";

/**
 * One session as a screen sees it, as signals. The protocol's rules (snapshot, batches in seq
 * order, a gap → a fresh snapshot, rejoin after a reconnect) live in SessionConnection and
 * SessionStore; this only republishes their state for components. The store mutates its
 * snapshot in place, so each change publishes a new top-level object: components re-render,
 * and keyed children update in place (bars grow instead of being redrawn).
 */
export class LiveSession {
  readonly snapshot: Signal<Snapshot | null> = signal(null);
  readonly programme: Signal<ProgrammeView | null> = signal(null);
  readonly status: Signal<ConnectionStatus> = signal("connecting");
  readonly joined: Signal<JoinResult | null> = signal(null);
  /** A refusal of the join itself (unknown code, wrong key), as a sentence. */
  readonly failure: Signal<string | null> = signal(null);
  readonly connection: SessionConnection;

  constructor(readonly request: JoinRequest) {
    this.connection = new SessionConnection(request);
    const store = this.connection.store;
    store.onChange(() => batch(() => {
      this.snapshot.value = store.snapshot ? { ...store.snapshot } : null;
      this.programme.value = store.programme;
    }));
    this.connection.onStatus = (status) => { this.status.value = status; };
  }

  async start(): Promise<CallResult<JoinResult>> {
    const result = await callHub(() => this.connection.start());
    if (result.ok) this.joined.value = result.value;
    else this.failure.value = result.sentence;
    return result;
  }

  /** The one way pages call the hub: an operation id, retried after a reconnect, a refusal as a sentence. */
  call<T = void>(method: string, payload?: object): Promise<CallResult<T>> {
    return callHub(() => this.connection.invoke<T>(method, payload));
  }
}
