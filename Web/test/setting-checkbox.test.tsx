import { describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { SettingCheckbox } from "../src/ui/SettingCheckbox";
import type { CallResult } from "../src/session/call";

// The hub's answer and the session's state push travel apart: a setting must show what was asked
// for until the pushed state moves, not flicker back to the old value in between.
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("a setting the server holds", () => {
  const mount = (value: boolean, answer: CallResult<unknown>) => {
    const root = document.createElement("div");
    const draw = (v: boolean) => render(
      <SettingCheckbox id="s" label="Réglage" value={v} onChange={() => Promise.resolve(answer)} done={(on) => (on ? "on" : "off")} />, root);
    draw(value);
    const box = () => root.querySelector<HTMLInputElement>("#s")!;
    return { root, box, draw };
  };

  it("stays on what was asked between the server's answer and its state push", async () => {
    const { root, box, draw } = mount(false, { ok: true, value: null });
    await act(async () => { const b = box(); b.checked = !b.checked; b.dispatchEvent(new Event("change", { bubbles: true })); await settled(); });
    expect(box().checked).toBe(true);
    expect(root.textContent).toContain("on");
    await act(async () => { draw(true); });
    expect(box().checked).toBe(true);
    // The state then moves elsewhere (another facilitator): the box follows the server.
    await act(async () => { draw(false); });
    expect(box().checked).toBe(false);
  });

  it("goes back to the server's value when the change is refused", async () => {
    const { root, box } = mount(false, { ok: false, code: "forbidden", sentence: "Non permis." });
    await act(async () => { const b = box(); b.checked = !b.checked; b.dispatchEvent(new Event("change", { bubbles: true })); await settled(); });
    expect(box().checked).toBe(false);
    expect(root.textContent).toContain("Non permis.");
  });
});
