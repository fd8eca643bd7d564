import * as signalR from "@microsoft/signalr";
import { refusalOf, unlessRefused, type ChangeBatch, type JoinResult, type Mode, type ProgrammeView, type ReactionBurst, type Refusal } from "./protocol";
import { SessionStore } from "./store";

export interface JoinRequest {
  joinCode: string;
  displayName?: string;
  mode: Mode;
  key?: string;
}

/**
 * A live connection to one session. It rejoins with the resume token after a reconnect (a
 * reconnected SignalR client is a new connection, bound to nothing) and fetches a snapshot
 * whenever it sees a gap in the sequence numbers.
 */
export class SessionConnection {
  readonly store = new SessionStore();
  readonly hub: signalR.HubConnection;
  joined: JoinResult | null = null;
  /** The connection was refused before any call (too many unjoined connections from one network), then closed. */
  onRefused: (refusal: Refusal) => void = () => {};
  onStatus: (status: "connected" | "reconnecting" | "disconnected" | "revoked") => void = () => {};
  private revoked = false;
  private rejoining = false;
  private joinedAt = 0;

  private burstListeners: Array<(burst: ReactionBurst) => void> = [];

  /** Calls the listener with each burst of live reactions (staff and projector only); returns how to stop. */
  onReactions(listener: (burst: ReactionBurst) => void): () => void {
    this.burstListeners.push(listener);
    return () => { this.burstListeners = this.burstListeners.filter((l) => l !== listener); };
  }

  constructor(private readonly request: JoinRequest) {
    this.hub = new signalR.HubConnectionBuilder()
      .withUrl(new URL("/hubs/cafe", location.href).href)
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.hub.on("changes", (batch: ChangeBatch) => {
      // A programme café's phones get the national tallies with their café's news.
      if (batch.programme) this.store.setProgramme(batch.programme);
      // Batches that arrive while joining follow the snapshot the join returns: keep them for it.
      if (this.joining) this.early.push(batch);
      else this.applyBatch(batch);
    });
    // The session moved to another silo: changes may have been missed, whatever the seq says.
    this.hub.on("resync", () => void this.resync());
    this.hub.on("programme", (view: ProgrammeView) => this.store.setProgramme(view));
    // Live reactions come apart from the changes, with no seq: a moment to animate, not state.
    this.hub.on("reactions", (burst: ReactionBurst) => { for (const listener of this.burstListeners) listener(burst); });
    this.hub.on("personal", (batch: ChangeBatch) => {
      this.store.applyPersonal(batch);
      // A revoked moderator link: the server closes the connection; do not reconnect with it.
      if (batch.events.some((e) => e.type === "roleRevoked")) {
        this.revoked = true;
        this.onStatus("revoked");
        void this.hub.stop();
      }
    });
    this.hub.onreconnecting(() => {
      this.rejoining = true;
      this.onStatus("reconnecting");
    });
    this.hub.onreconnected(() => {
      this.join().then(() => {
        this.rejoining = false;
        this.onStatus("connected");
      }, () => this.onStatus("disconnected"));
    });
    this.hub.on("refused", (refusal: Refusal) => this.onRefused(refusal));
    this.hub.onclose(() => this.onStatus(this.revoked ? "revoked" : "disconnected"));
  }

  async start(): Promise<JoinResult> {
    await this.hub.start();
    const result = await this.join();
    this.onStatus("connected");
    return result;
  }

  /**
   * Calls a hub method. A mutating call carries an operation id and is retried with the same id
   * after a reconnection, so a call whose answer was lost is applied exactly once. A call refused
   * as `unavailable` (storage or cluster trouble: nothing was recorded) is retried too, after 1,
   * 2 and 4 s, before the refusal reaches the person.
   */
  async invoke<T = void>(method: string, payload?: object): Promise<T> {
    if (method === "GetSnapshot") return this.call<T>(method);
    // A reaction has no operation id: a retried one would be a second reaction.
    if (method === "React") return this.call<T>(method, payload ?? {});
    const request = { ...(payload ?? {}), opId: newOperationId() };
    return this.retrying(() => this.call<T>(method, request));
  }

  /** The one place the hub is called: a refused call's result becomes a thrown CallRefused. */
  private async call<T>(method: string, ...args: unknown[]): Promise<T> {
    return unlessRefused(await this.hub.invoke<T>(method, ...args));
  }

  private async retrying<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const { code } = refusalOf(error);
        if ((code !== undefined && code !== "unavailable") || attempt >= 3) throw error;
        if (code === "unavailable") await delay(1000 * 2 ** attempt);
        else await this.rejoined();
      }
    }
  }

  /** Resolves once the connection is back and the session rejoined (or after 30 s). */
  private rejoined(): Promise<void> {
    return new Promise((resolve) => {
      const deadline = Date.now() + 30_000;
      const check = () => {
        if ((this.hub.state === signalR.HubConnectionState.Connected && this.joinedAt > 0 && !this.rejoining) || Date.now() > deadline) resolve();
        else setTimeout(check, 200);
      };
      check();
    });
  }

  private joining = false;
  private early: ChangeBatch[] = [];

  private applyBatch(batch: ChangeBatch): void {
    if (this.store.apply(batch) === "gap") void this.resync();
  }

  private async join(): Promise<JoinResult> {
    const tokenKey = `cafe.resume.${this.request.joinCode}.${this.request.key ? "staff" : "participant"}`;
    this.joining = true;
    this.early = [];
    try {
      const result = await this.retryingJoin(() => this.call<JoinResult>("JoinSession", this.request.joinCode, {
        displayName: this.request.displayName,
        mode: this.request.mode,
        key: this.request.key,
        resumeToken: localStorage.getItem(tokenKey) ?? undefined,
      }));
      localStorage.setItem(tokenKey, result.resumeToken);
      this.joined = result;
      this.joinedAt = Date.now();
      this.store.reset(result.snapshot);
      // What the gateway sent between the snapshot and now (a catch-up, or the group's next batches).
      for (const batch of this.early) this.applyBatch(batch);
      return result;
    } finally {
      this.joining = false;
      this.early = [];
    }
  }

  /** A join refused as `unavailable` is tried again (1, 2, 4 s): nothing was recorded by the refused one. */
  private async retryingJoin<T>(join: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await join();
      } catch (error) {
        if (refusalOf(error).code !== "unavailable" || attempt >= 3) throw error;
        await delay(1000 * 2 ** attempt);
      }
    }
  }

  private resyncing = false;

  /** One snapshot request at a time: every batch after a gap would otherwise ask again. */
  private async resync(): Promise<void> {
    if (this.resyncing) return;
    this.resyncing = true;
    try {
      this.store.reset(await this.call("GetSnapshot"));
    } catch {
      // Disconnected meanwhile: the rejoin brings a fresh snapshot.
    } finally {
      this.resyncing = false;
    }
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let operations = 0;

/** A fresh client operation id (unique enough across reloads and devices). */
function newOperationId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${++operations}`;
}

/** The join code from a page path like /join/ABC234. */
export function codeFromPath(): string {
  return decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() ?? "").toUpperCase();
}

/** A key from the URL fragment (#key=…): never sent to the server with the page request. */
export function keyFromFragment(): string | undefined {
  return new URLSearchParams(location.hash.slice(1)).get("key") ?? undefined;
}
