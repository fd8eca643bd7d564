import "../ui/tokens.css";
import "../ui/kit.css";
import "./formats.css";
import { render } from "preact";
import { applyTranslations, loadLanguage } from "../lib/i18n";
import { Catalogue } from "./Catalogue";
import { FormatPage } from "./FormatPage";

// The catalogue of formats (/formats) and one format's page (/formats/{formatId}): cafés others
// ran, documented by the reports of the cafés that used them, ready to run again.
await loadLanguage();
applyTranslations();
const id = /^\/formats\/([^/]+)\/?$/.exec(location.pathname)?.[1];
render(id ? <FormatPage formatId={decodeURIComponent(id)} /> : <Catalogue />, document.getElementById("app")!);
