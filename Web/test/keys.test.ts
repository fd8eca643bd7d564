import { describe, expect, it } from "vitest";
import { shortcutOf } from "../src/lib/keys";

const el = (html: string) => {
  const host = document.createElement("div");
  host.innerHTML = html;
  return host.firstElementChild!;
};

describe("keyboard shortcuts", () => {
  it("maps the keys of Animer and the projector", () => {
    expect(shortcutOf({ key: "ArrowLeft" })).toBe("previous");
    expect(shortcutOf({ key: "ArrowRight" })).toBe("next");
    expect(shortcutOf({ key: " " })).toBe("toggleVoting");
    expect(shortcutOf({ key: "r" })).toBe("toggleResults");
    expect(shortcutOf({ key: "R" })).toBe("toggleResults");
    expect(shortcutOf({ key: "q" })).toBe("joinScreen");
    expect(shortcutOf({ key: "p" })).toBe("pinTop");
    expect(shortcutOf({ key: "f" })).toBe("fullscreen");
    expect(shortcutOf({ key: "?" })).toBe("help");
    expect(shortcutOf({ key: "x" })).toBeNull();
  });

  it("leaves the browser's own shortcuts alone", () => {
    expect(shortcutOf({ key: "r", ctrlKey: true })).toBeNull();
    expect(shortcutOf({ key: "f", metaKey: true })).toBeNull();
    expect(shortcutOf({ key: "ArrowRight", altKey: true })).toBeNull();
  });

  it("does nothing while someone types in a field", () => {
    for (const html of ["<input>", "<input type='text'>", "<textarea></textarea>", "<select></select>", "<div contenteditable='true'></div>"]) {
      expect(shortcutOf({ key: "q", target: el(html) })).toBeNull();
      expect(shortcutOf({ key: " ", target: el(html) })).toBeNull();
    }
  });

  it("lets Space press a focused button instead of acting twice, but keeps the letter keys", () => {
    expect(shortcutOf({ key: " ", target: el("<button>Suivant</button>") })).toBeNull();
    expect(shortcutOf({ key: " ", target: el("<input type='checkbox'>") })).toBeNull();
    expect(shortcutOf({ key: "q", target: el("<button>Suivant</button>") })).toBe("joinScreen");
    expect(shortcutOf({ key: " ", target: el("<div></div>") })).toBe("toggleVoting");
  });
});
