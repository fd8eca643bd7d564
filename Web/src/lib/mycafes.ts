// "Mes cafés": the sessions this browser created or facilitated, with their facilitator keys,
// kept in this browser's storage so that a facilitator never loses their café. Nothing of it
// reaches the server.

export interface MyCafe {
  joinCode: string;
  title: string;
  facilitatorKey: string;
  /** When this browser last opened it (ISO). */
  openedAt: string;
}

const STORAGE_KEY = "cafe.mine";
const MAX = 50;

export function myCafes(storage: Storage = localStorage): MyCafe[] {
  try {
    const list = JSON.parse(storage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(list) ? list.filter(isCafe).sort((a, b) => b.openedAt.localeCompare(a.openedAt)) : [];
  } catch {
    return [];
  }
}

/** Adds or refreshes a café (latest first); the oldest go past 50. */
export function rememberCafe(cafe: Omit<MyCafe, "openedAt">, now = new Date(), storage: Storage = localStorage): void {
  const others = myCafes(storage).filter((c) => c.joinCode !== cafe.joinCode);
  const list = [{ ...cafe, openedAt: now.toISOString() }, ...others].slice(0, MAX);
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // Storage full or refused: the link card is the way back.
  }
}

export function forgetCafe(joinCode: string, storage: Storage = localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(myCafes(storage).filter((c) => c.joinCode !== joinCode)));
  } catch {
    // Nothing to do: it stays listed.
  }
}

export const facilitatorUrl = (origin: string, cafe: Pick<MyCafe, "joinCode" | "facilitatorKey">) =>
  `${origin}/facilitate/${cafe.joinCode}#key=${encodeURIComponent(cafe.facilitatorKey)}`;

function isCafe(c: unknown): c is MyCafe {
  const x = c as MyCafe;
  return !!x && typeof x.joinCode === "string" && typeof x.title === "string" && typeof x.facilitatorKey === "string" && typeof x.openedAt === "string";
}
