import "../ui/tokens.css";
import "../ui/kit.css";
import "./participant.css";
import { render } from "preact";
import { startEasyRead } from "../lib/easyRead";
import { applyTranslations, loadLanguage } from "../lib/i18n";
import { codeFromPath } from "../lib/connection";
import { Participant } from "./Participant";

// Participant: join with a name (optional) and a mode, then the focus first, questions and polls one tap away.
await loadLanguage();
await startEasyRead();
applyTranslations();
render(<Participant code={codeFromPath()} />, document.getElementById("app")!);
