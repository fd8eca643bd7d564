import { signal } from "@preact/signals";
import type { fr } from "../i18n/fr";

// The pages' language: French by default, English available. Chosen once at load: ?lang=fr|en
// (then remembered), else the remembered choice, else the browser's languages, else French.
// The projector may then follow its session's language (followSessionLanguage). Only the page's
// language is downloaded: a page awaits loadLanguage() before it draws anything.

export type Lang = "fr" | "en";
export type Key = keyof typeof fr;
/** The keys that come as a pair …_one / …_other, without the suffix. */
export type PluralKey = { [K in Key]: K extends `${infer Base}_one` ? Base : never }[Key];
export type Vars = Record<string, string | number>;

const STORAGE_KEY = "cafe.lang";
const loaders: Record<Lang, () => Promise<Record<Key, string>>> = {
  fr: () => import("../i18n/fr").then((m) => m.fr),
  en: () => import("../i18n/en").then((m) => m.en),
};
/** Each language's name, in that language (for the switch). */
const names: Record<Lang, string> = { fr: "Français", en: "English" };
let dictionary: Record<Key, string> | null = null;
/** The language's own dictionary, under the easy-read texts when they are on (French only). */
let base: Record<Key, string> | null = null;
let easyTexts = false;
const loadFacile = () => import("../i18n/fr-facile").then((m) => m.frFacile);
/** Bumped when the language changes after load: components that read it draw again. */
export const languageVersion = signal(0);
const locales: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

const isLang = (value: unknown): value is Lang => value === "fr" || value === "en";

function stored(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

function remember(lang: Lang): void {
  // Also a cookie: the server serves the next page with <html lang> in this language (PageLanguage.cs).
  document.cookie = `${STORAGE_KEY}=${lang}; path=/; max-age=31536000; samesite=lax`;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage refused (private browsing): the choice lasts for this page only.
  }
}

function fromBrowser(): Lang {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const language of languages) {
    const l = (language ?? "").toLowerCase();
    if (l.startsWith("en")) return "en";
    if (l.startsWith("fr")) return "fr";
  }
  return "fr";
}

/** Whether someone chose the language (?lang or a remembered choice), rather than the browser. */
let explicit = false;
let current: Lang = detect();

function detect(): Lang {
  const fromUrl = new URLSearchParams(location.search).get("lang");
  if (isLang(fromUrl)) {
    remember(fromUrl);
    explicit = true;
    return fromUrl;
  }
  const remembered = stored();
  if (remembered) {
    explicit = true;
    return remembered;
  }
  return fromBrowser();
}

export function currentLang(): Lang {
  return current;
}

/** The text for a key in the current language, with {name} placeholders filled from vars. */
export function t(key: Key, vars?: Vars): string {
  const text = dictionary?.[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** A plural: key_one or key_other by n (French: n ≤ 1 is singular; English: n = 1); {n} is n. */
export function tn(key: PluralKey, n: number, vars?: Vars): string {
  const one = current === "fr" ? n <= 1 : n === 1;
  return t(`${key}_${one ? "one" : "other"}` as Key, { n, ...vars });
}

const isKey = (key: string | undefined): key is Key => key !== undefined && dictionary !== null && Object.prototype.hasOwnProperty.call(dictionary, key);

const attributes: Array<[string, string]> = [
  ["i18nPlaceholder", "placeholder"],
  ["i18nAriaLabel", "aria-label"],
  ["i18nTitle", "title"],
  ["i18nAlt", "alt"],
];

/**
 * Fills the marked elements under root: data-i18n (text), data-i18n-placeholder,
 * data-i18n-aria-label, data-i18n-title and data-i18n-alt (attributes), each holding a key.
 * Also sets <html lang> (and so the document's title, through <title data-i18n>) and the
 * language switches.
 */
export function applyTranslations(root: Document | Element = document): void {
  document.documentElement.lang = current;
  const selector = "[data-i18n], [data-i18n-placeholder], [data-i18n-aria-label], [data-i18n-title], [data-i18n-alt]";
  const elements = [...root.querySelectorAll<HTMLElement>(selector)];
  if (root instanceof HTMLElement && root.matches(selector)) elements.unshift(root);
  for (const el of elements) {
    const key = el.dataset.i18n;
    if (isKey(key)) el.textContent = t(key);
    for (const [data, attribute] of attributes) {
      const k = el.dataset[data];
      if (isKey(k)) el.setAttribute(attribute, t(k));
    }
  }
  document.querySelectorAll<HTMLButtonElement>("button.lang-switch").forEach(labelSwitch);
}

const other = (): Lang => (current === "fr" ? "en" : "fr");

function labelSwitch(button: HTMLButtonElement): void {
  const target = other();
  button.lang = target;
  // The other language's name, in that language.
  button.textContent = names[target];
}

/** The other language and its name in that language (for a switch). */
export function otherLanguage(): { lang: Lang; name: string } {
  const target = other();
  return { lang: target, name: names[target] };
}

/** Remembers the other language and reloads the page in it (path and fragment kept: keys live there). */
export function switchLanguage(): void {
  remember(other());
  const url = new URL(location.href);
  if (url.searchParams.has("lang")) {
    url.searchParams.delete("lang");
    location.assign(url.href);
  } else {
    // Assigning the same address with a fragment would not reload the page.
    location.reload();
  }
}

/**
 * A button to read the page in the other language: it remembers that language and reloads the
 * page (same path, query without ?lang, same fragment: keys live there).
 */
export function languageSwitcher(): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "lang-switch";
  labelSwitch(button);
  button.addEventListener("click", switchLanguage);
  return button;
}

/**
 * The projector speaks its session's language unless a language was chosen (?lang or the
 * switch): its dictionary is fetched, then `languageVersion` moves so components draw again.
 */
export async function followSessionLanguage(lang: Lang | undefined): Promise<void> {
  if (explicit || !isLang(lang) || lang === current || following === lang) return;
  following = lang;
  await loadLanguage(lang);
  applyTranslations();
  languageVersion.value++;
}
let following: Lang | null = null;

/** Fetches the dictionary of a language (the page's by default) and makes it current. */
export async function loadLanguage(lang: Lang = current): Promise<void> {
  base = await loaders[lang]();
  current = lang;
  dictionary = easyTexts && lang === "fr" ? { ...base, ...(await loadFacile()) } : base;
}

/**
 * Easy-read texts (FALC, i18n/fr-facile.ts) over the French ones, or back: fetched on first use,
 * then the page's marked elements and the components that read `languageVersion` draw again.
 * Other languages keep their own texts (easy-read mode then changes the layout only).
 */
export async function setEasyTexts(on: boolean): Promise<void> {
  if (on === easyTexts && dictionary) return;
  easyTexts = on;
  await loadLanguage(current);
  applyTranslations();
  languageVersion.value++;
}

/** A number for people, in the page's language (e.g. 3,5 in French, 3.5 in English). */
export function formatNumber(n: number, maxFractionDigits = 0): string {
  return new Intl.NumberFormat(locales[current], { maximumFractionDigits: maxFractionDigits }).format(n);
}
