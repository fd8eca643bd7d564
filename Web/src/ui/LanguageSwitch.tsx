import { otherLanguage, switchLanguage } from "../lib/i18n";

/**
 * Reads the page in the other language (named in that language); remembers the choice.
 * `short` shows the language's code (the projector's strip), its name staying for screen readers.
 */
export function LanguageSwitch({ short }: { short?: boolean }) {
  const { lang, name } = otherLanguage();
  return (
    <button type="button" class="btn quiet small lang-switch" lang={lang} onClick={switchLanguage} title={short ? name : undefined}>
      {short ? <><span aria-hidden="true">{lang.toUpperCase()}</span><span class="sr-only">{name}</span></> : name}
    </button>
  );
}
