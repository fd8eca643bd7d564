import { describe, expect, it } from "vitest";
import { elapsed, percent, percentLabel } from "../src/lib/format";

describe("format", () => {
  it("rounds percentages to whole numbers and treats an empty total as 0", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(5, 0)).toBe(0);
    expect(percent(10, 10)).toBe(100);
  });

  it("writes elapsed time as m:ss, then h:mm:ss", () => {
    const start = "2026-12-01T10:00:00Z";
    const at = (s: number) => Date.parse(start) + s * 1000;
    expect(elapsed(start, at(0))).toBe("0:00");
    expect(elapsed(start, at(42))).toBe("0:42");
    expect(elapsed(start, at(61))).toBe("1:01");
    expect(elapsed(start, at(3600 + 5 * 60 + 9))).toBe("1:05:09");
  });

  it("never shows a negative or missing time", () => {
    expect(elapsed("2026-12-01T10:00:00Z", Date.parse("2026-12-01T09:59:00Z"))).toBe("0:00");
    expect(elapsed(undefined, Date.now())).toBe("0:00");
    expect(elapsed("not a date", Date.now())).toBe("0:00");
  });

  it("writes a percentage the French way, with a narrow no-break space", () => {
    expect(percentLabel(1, 4)).toBe("25\u202f%");
    expect(percentLabel(0, 0)).toBe("0\u202f%");
  });
});
