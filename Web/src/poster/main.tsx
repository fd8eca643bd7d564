import "../ui/tokens.css";
import "../ui/kit.css";
import "./poster.css";
import { render } from "preact";
import { applyTranslations, loadLanguage } from "../lib/i18n";
import { codeFromPath } from "../lib/connection";
import { Poster } from "./Poster";

await loadLanguage();
applyTranslations();
render(<Poster code={codeFromPath()} />, document.getElementById("app")!);
