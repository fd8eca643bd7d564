import "../ui/tokens.css";
import "../ui/kit.css";
import "./home.css";
import { render } from "preact";
import { applyTranslations, loadLanguage } from "../lib/i18n";
import { Home } from "./Home";

// Home: join with a code, create a café, and "Mes cafés" (the ones this browser runs).
await loadLanguage();
applyTranslations();
render(<Home />, document.getElementById("app")!);
