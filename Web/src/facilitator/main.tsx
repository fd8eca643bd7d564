import "../ui/tokens.css";
import "../ui/kit.css";
import "./facilitator.css";
import { render } from "preact";
import { codeFromPath, keyFromFragment } from "../lib/connection";
import { LiveSession } from "../session/live";
import { applyTranslations, loadLanguage } from "../lib/i18n";
import { Facilitator } from "./Facilitator";

// Facilitator: Préparer (everything set up before) and Animer (running the café, keyboard first).
await loadLanguage();
applyTranslations();
const key = keyFromFragment();
const session = new LiveSession({ joinCode: codeFromPath(), mode: "onsite", key });
render(<Facilitator session={session} hasKey={!!key} />, document.getElementById("app")!);
if (key) void session.start();
