import "../ui/tokens.css";
import "../ui/kit.css";
import "./report.css";
import { render } from "preact";
import { applyTranslations, loadLanguage } from "../lib/i18n";
import { codeFromPath, keyFromFragment } from "../lib/connection";
import { ReportPage } from "./ReportPage";

await loadLanguage();
applyTranslations();
render(<ReportPage code={codeFromPath()} keyValue={keyFromFragment() ?? null} />, document.getElementById("app")!);
