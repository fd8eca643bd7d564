import { beforeEach, describe, expect, it } from "vitest";
import { facilitatorUrl, forgetCafe, myCafes, rememberCafe } from "../src/lib/mycafes";

describe("Mes cafés (this browser's sessions)", () => {
  beforeEach(() => localStorage.clear());

  it("keeps each café once, latest opened first", () => {
    rememberCafe({ joinCode: "AAA222", title: "Un", facilitatorKey: "k1" }, new Date("2026-12-01T10:00:00Z"));
    rememberCafe({ joinCode: "BBB333", title: "Deux", facilitatorKey: "k2" }, new Date("2026-12-01T11:00:00Z"));
    rememberCafe({ joinCode: "AAA222", title: "Un, renommé", facilitatorKey: "k1" }, new Date("2026-12-01T12:00:00Z"));
    expect(myCafes().map((c) => [c.joinCode, c.title])).toEqual([["AAA222", "Un, renommé"], ["BBB333", "Deux"]]);
  });

  it("forgets a café on request", () => {
    rememberCafe({ joinCode: "AAA222", title: "Un", facilitatorKey: "k1" });
    forgetCafe("AAA222");
    expect(myCafes()).toEqual([]);
  });

  it("survives a corrupted entry", () => {
    localStorage.setItem("cafe.mine", "{not json");
    expect(myCafes()).toEqual([]);
    localStorage.setItem("cafe.mine", JSON.stringify([{ joinCode: 3 }, { joinCode: "AAA222", title: "Un", facilitatorKey: "k", openedAt: "2026-12-01" }]));
    expect(myCafes().map((c) => c.joinCode)).toEqual(["AAA222"]);
  });

  it("builds the facilitator link with the key in the fragment", () => {
    expect(facilitatorUrl("https://x.fr", { joinCode: "AAA222", facilitatorKey: "a+b" })).toBe("https://x.fr/facilitate/AAA222#key=a%2Bb");
  });
});
