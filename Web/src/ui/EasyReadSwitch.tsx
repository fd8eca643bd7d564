import { BookOpen } from "lucide";
import { t } from "../lib/i18n";
import { chooseEasyRead, easyRead } from "../lib/easyRead";
import { Pictogram } from "./Pictogram";

/** Easy-read mode on or off for this reader: larger type, one question per screen, simpler words. */
export function EasyReadSwitch() {
  const on = easyRead.value;
  return (
    <button type="button" id="easy-read" class={on ? "btn small easy-switch on" : "btn quiet small easy-switch"} aria-pressed={on}
      onClick={() => void chooseEasyRead(!on)}>
      <Pictogram icon={BookOpen} size={20} /> <span class="easy-switch-label">{t("easy.switch")}</span>
    </button>
  );
}
