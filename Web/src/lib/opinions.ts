import type { Mode, Snapshot } from "./protocol";

// The live opinion map on the wire (docs/PROTOCOL.md, "Opinion map"): statements voted agree,
// disagree or pass; the server maps the voters into groups of opinion and sends the groups, the
// consensus and, to the staff and the projector, one anonymous dot per clustered participant.
// Screens display what it sends: order, groups and scores are the server's.

export type OpinionState = "draft" | "open" | "closed";
export type StatementStatus = "pending" | "approved" | "hidden";
export type StatementVote = "agree" | "disagree" | "pass";
export interface VoteSplit { agree: number; disagree: number; pass: number }

export interface Statement {
  id: string;
  text: string;
  status: StatementStatus;
  agree: number;
  disagree: number;
  pass: number;
  onsite: VoteSplit;
  remote: VoteSplit;
  /** Personal: this participant wrote it. */
  mine?: boolean;
  /** Personal: this participant's vote. */
  myVote?: StatementVote;
  /** Staff: held by the profanity filter. */
  flagged?: boolean;
}

/** A statement defining a group: agreeRate is the group's smoothed agree rate, or its disagree rate when agrees is false. */
export interface Representative { statementId: string; agreeRate: number; agrees: boolean }
export interface OpinionGroup { id: number; size: number; onsite: number; remote: number; representative: Representative[] }
export interface Consensus { statementId: string; score: number }
export interface MapDot { x: number; y: number; group: number; mode: Mode }
export interface MapPosition { x: number; y: number; group: number }

/** A dot of the national map: a national base cluster of `weight` people (onsite + remote of them). */
export interface NationalDot { x: number; y: number; weight: number; group: number; onsite?: number; remote?: number }

/**
 * The national map of a pushed opinion, as this café sees it: groups and consensus name this
 * café's statement ids; map (every café's people, weighted dots) and here (this café's people on
 * the national plane) go to the staff and the projector only.
 */
export interface NationalOpinion {
  programmeOpinionId: string;
  groups: OpinionGroup[];
  consensus: Consensus[];
  map?: NationalDot[] | null;
  here?: NationalDot[] | null;
  cafes: number;
  people: number;
}

export interface Opinion {
  id: string;
  topic: string;
  state: OpinionState;
  statements: Statement[];
  groups: OpinionGroup[];
  consensus: Consensus[];
  /** Staff and projector only. */
  map?: MapDot[] | null;
  voters: number;
  /** Personal: where this participant is, once clustered. */
  me?: MapPosition | null;
  /** Personal: the statement this participant should see next (null: none left). */
  next?: string | null;
  /** Set when the opinion was pushed by the café's national programme. */
  nationalOpinionId?: string | null;
  /** The programme's national map, once computed. */
  national?: NationalOpinion | null;
  /** Personal: this participant's national group, once the national map has placed them. */
  nationalGroup?: number | null;
}

export interface StatementCount { id: string; agree: number; disagree: number; pass: number; onsite: VoteSplit; remote: VoteSplit }

export type OpinionEvent =
  | { type: "opinionChanged"; opinion: Opinion }
  | { type: "statementCounts"; opinionId: string; statements: StatementCount[] }
  | { type: "opinionMap"; opinionId: string; groups: OpinionGroup[]; consensus: Consensus[]; map?: MapDot[] | null; voters: number }
  | { type: "opinionMe"; opinionId: string; me?: MapPosition | null; next?: string | null; nationalGroup?: number | null }
  | { type: "opinionNational"; opinionId: string; national: NationalOpinion }
  | { type: "statementUpdated"; opinionId: string; statement: Statement };

const update = (s: Snapshot, id: string, change: (o: Opinion) => Opinion) => {
  s.opinions = (s.opinions ?? []).map((o) => (o.id === id ? change(o) : o));
};

/** Keeps what only this screen knows of a statement (mine, myVote), which broadcasts never carry. */
const keepPersonal = (old: Statement | undefined, fresh: Statement): Statement =>
  old ? { ...fresh, mine: fresh.mine ?? old.mine, myVote: fresh.myVote ?? old.myVote } : fresh;

/**
 * An `opinionMe` travels beside the acknowledgement of my vote, not behind it: one the server
 * built before my last vote can arrive after its answer and name the statement I just voted. That
 * `next` is overtaken (the server only ever offers a statement I have not voted on); the answer's stays.
 */
const overtaken = (o: Opinion, next: string | null) => next !== null && o.statements.some((st) => st.id === next && st.myVote !== undefined);

/** Applies one opinion event to the snapshot (the store calls it for these event types). */
export function applyOpinionEvent(s: Snapshot, e: OpinionEvent): void {
  switch (e.type) {
    case "opinionChanged": {
      const old = s.opinions?.find((o) => o.id === e.opinion.id);
      const byId = new Map(old?.statements.map((st) => [st.id, st]));
      const statements = e.opinion.statements.map((st) => keepPersonal(byId.get(st.id), st));
      // My own pending statements are not in the broadcast: they stay until their author is told otherwise.
      const ownHeld = old?.statements.filter((st) => st.mine && st.status !== "approved" && !statements.some((n) => n.id === st.id)) ?? [];
      const merged: Opinion = {
        ...e.opinion, statements: [...statements, ...ownHeld], me: e.opinion.me ?? old?.me, next: e.opinion.next !== undefined ? e.opinion.next : old?.next,
        national: e.opinion.national ?? old?.national, nationalGroup: e.opinion.nationalGroup ?? old?.nationalGroup,
      };
      s.opinions = old ? (s.opinions ?? []).map((o) => (o.id === merged.id ? merged : o)) : [...(s.opinions ?? []), merged];
      break;
    }
    case "statementCounts": {
      const counts = new Map(e.statements.map((c) => [c.id, c]));
      update(s, e.opinionId, (o) => ({ ...o, statements: o.statements.map((st) => (counts.has(st.id) ? { ...st, ...counts.get(st.id)! } : st)) }));
      break;
    }
    case "opinionMap":
      update(s, e.opinionId, (o) => ({ ...o, groups: e.groups, consensus: e.consensus, map: e.map ?? o.map, voters: e.voters }));
      break;
    case "opinionMe":
      update(s, e.opinionId, (o) => ({ ...o, me: e.me ?? null, next: overtaken(o, e.next ?? null) ? o.next : e.next ?? null, nationalGroup: e.nationalGroup ?? null }));
      break;
    case "opinionNational":
      update(s, e.opinionId, (o) => ({ ...o, national: e.national }));
      break;
    case "statementUpdated":
      update(s, e.opinionId, (o) => {
        const old = o.statements.find((st) => st.id === e.statement.id);
        const statement = keepPersonal(old, e.statement);
        return { ...o, statements: old ? o.statements.map((st) => (st.id === statement.id ? statement : st)) : [...o.statements, statement] };
      });
      break;
  }
}

/** A group's name on every screen: A, B, C… by the server's group id. */
export const groupName = (id: number) => String.fromCharCode(65 + (id % 26));

/** The statement a text refers to. */
export const statementOf = (o: Opinion, id: string | null | undefined) => (id ? o.statements.find((st) => st.id === id) : undefined);

/**
 * The national map in the shape of a café's opinion, for the components that draw groups,
 * consensus and the table: the same statements (the national groups name this café's ids), the
 * national groups and consensus, and as voters the people of every café. Null until computed.
 */
export function nationalAsOpinion(o: Opinion): Opinion | null {
  const n = o.national;
  return n ? { ...o, groups: n.groups, consensus: n.consensus, map: null, voters: n.people } : null;
}
