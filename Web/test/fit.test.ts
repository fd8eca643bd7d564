import { describe, expect, it } from "vitest";
import { fitBox } from "../src/ui/fit";

/** A box whose content's size follows --fit, as a view's em-sized content does. */
function box(contentAt1: number, room: number): HTMLElement {
  const el = document.createElement("div");
  Object.defineProperty(el, "clientHeight", { get: () => room });
  Object.defineProperty(el, "clientWidth", { get: () => 1000 });
  Object.defineProperty(el, "scrollWidth", { get: () => 1000 });
  Object.defineProperty(el, "scrollHeight", { get: () => contentAt1 * Number(el.style.getPropertyValue("--fit") || 1) });
  return el;
}

describe("fitBox: shrink to fit, within limits", () => {
  it("keeps full size when the content fits", () => {
    const el = box(500, 600);
    expect(fitBox(el, 0.35)).toBe(1);
    expect(el.style.getPropertyValue("--fit")).toBe("1");
  });

  it("finds the largest scale at which the content fits", () => {
    const el = box(1200, 600);
    const scale = fitBox(el, 0.35);
    expect(scale).toBeLessThanOrEqual(0.5);
    expect(scale).toBeGreaterThan(0.49);
    expect(1200 * scale).toBeLessThanOrEqual(601);
  });

  it("never goes below its minimum", () => {
    expect(fitBox(box(10_000, 600), 0.35)).toBe(0.35);
  });

  it("grows what is small up to its maximum", () => {
    expect(fitBox(box(200, 600), 0.35, 1.5)).toBe(1.5);
    const scale = fitBox(box(500, 600), 0.35, 1.5);
    expect(scale).toBeGreaterThan(1.1);
    expect(500 * scale).toBeLessThanOrEqual(601);
  });
});
