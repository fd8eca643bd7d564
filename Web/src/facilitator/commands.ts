import { isOpen, type Screen, type Snapshot } from "../lib/protocol";
import { order } from "../lib/queue";
import type { Shortcut } from "../lib/keys";
import { resultsOnScreen } from "../lib/polls";

// What each Animer key does, as hub calls computed from the session: a pure function, so the
// keys are unit-tested without a server. The server still decides (and may refuse).

export interface HubCall { method: string; payload: object }

/**
 * The activities of the session in order. With an agenda, its activities (`agendaId` set): the
 * server moves the focus along it (NextActivity, FocusActivity). Without one, its polls as
 * created, its opinion maps, then the questions, and the focus is the room's screen.
 */
export type Activity = ({ kind: "poll"; pollId: string } | { kind: "opinion"; opinionId: string } | { kind: "questions" } | { kind: "step" })
  & { agendaId?: string };

export function activities(s: Snapshot): Activity[] {
  if (s.agenda?.length) {
    return s.agenda.map((a): Activity =>
      a.kind === "poll" && a.pollId ? { kind: "poll", pollId: a.pollId, agendaId: a.id }
        : a.kind === "opinion" && a.opinionId ? { kind: "opinion", opinionId: a.opinionId, agendaId: a.id }
          : a.kind === "questions" ? { kind: "questions", agendaId: a.id } : { kind: "step", agendaId: a.id });
  }
  return [
    ...s.polls.map((p) => ({ kind: "poll" as const, pollId: p.id })),
    ...(s.opinions ?? []).map((o) => ({ kind: "opinion" as const, opinionId: o.id })),
    { kind: "questions" as const },
  ];
}

export const screenOf = (a: Activity): Screen =>
  a.kind === "poll" ? { view: "activity", pollId: a.pollId } : a.kind === "opinion" ? { view: "opinion", opinionId: a.opinionId }
    : a.kind === "questions" ? { view: "questions" } : { view: "agenda" };

/** The call that puts an activity in focus: the agenda's own move (timer, poll opened) or the room's screen. */
export const focusCall = (a: Activity): HubCall =>
  a.agendaId ? { method: "FocusActivity", payload: { activityId: a.agendaId } } : setScreen(screenOf(a));

/**
 * The focus's index among the activities: the agenda's activity in focus, or the activity the
 * room sees; -1 when there is none (join, pinned, pause).
 */
export function focusIndex(s: Snapshot): number {
  if (s.agenda?.length) return s.currentActivity ? s.agenda.findIndex((a) => a.id === s.currentActivity) : -1;
  const screen = s.screen;
  if (!screen) return -1;
  return activities(s).findIndex((a) => sameScreen(screenOf(a), screen));
}

/** The focus opinion map, when the focus is one. */
export function focusOpinion(s: Snapshot) {
  return s.screen?.view === "opinion" ? s.opinions?.find((o) => o.id === s.screen?.opinionId) : undefined;
}

/** The focus poll, when the focus is a poll. */
export function focusPoll(s: Snapshot) {
  return s.screen?.view === "activity" ? s.polls.find((p) => p.id === s.screen?.pollId) : undefined;
}

/** The most upvoted question the room can see, which P pins. */
export function topQuestion(s: Snapshot) {
  return order(s.questions.filter(isOpen), "votes")[0];
}

/**
 * The hub calls a shortcut means now. `previous` is the last activity screen the room saw, so
 * that Q (the join screen) pressed again gives the room its activity back.
 */
export function callsFor(shortcut: Shortcut, s: Snapshot, previous: Screen | null): HubCall[] {
  const list = activities(s);
  const i = focusIndex(s);
  const poll = focusPoll(s);
  switch (shortcut) {
    case "next":
    case "previous": {
      if (s.agenda?.length) {
        if (shortcut === "next") return i >= list.length - 1 ? [] : [{ method: "NextActivity", payload: {} }];
        return i > 0 ? [focusCall(list[i - 1])] : [];
      }
      const from = i >= 0 ? i : list.findIndex((a) => previous && sameScreen(screenOf(a), previous));
      const to = from < 0 ? 0 : Math.min(list.length - 1, Math.max(0, from + (shortcut === "next" ? 1 : -1)));
      return from === to && i >= 0 ? [] : [setScreen(screenOf(list[to]))];
    }
    case "toggleVoting": {
      const opinion = focusOpinion(s);
      if (opinion) return [{ method: opinion.state === "open" ? "CloseOpinion" : "OpenOpinion", payload: { opinionId: opinion.id } }];
      if (!poll) return [];
      return [{ method: poll.state === "open" ? "ClosePoll" : "OpenPoll", payload: { pollId: poll.id } }];
    }
    case "toggleResults":
      if (!poll) return [];
      return [{ method: "ShowResultsOnScreen", payload: { pollId: poll.id, show: !resultsOnScreen(poll) } }];
    case "joinScreen":
      if (s.screen?.view === "join") return previous ? [setScreen(previous)] : [];
      return [setScreen({ view: "join" })];
    case "pinTop": {
      const top = topQuestion(s);
      if (!top) return [];
      return [
        ...(top.status === "pinned" ? [] : [{ method: "PinQuestion", payload: { questionId: top.id } }]),
        setScreen({ view: "pinned" }),
      ];
    }
    default:
      return [];
  }
}

const setScreen = (screen: Screen): HubCall => ({ method: "SetScreen", payload: screen });
const sameScreen = (a: Screen, b: Screen) => a.view === b.view && a.pollId === b.pollId && a.opinionId === b.opinionId;
