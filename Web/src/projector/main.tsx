import "../ui/tokens.css";
import "../ui/kit.css";
import "./projector.css";
import { render } from "preact";
import { codeFromPath, keyFromFragment } from "../lib/connection";
import { LiveSession } from "../session/live";
import { Projector } from "./Projector";
import { applyTranslations, loadLanguage } from "../lib/i18n";

// Projector: the big screen in the room, joined with the projector key (read only). It shows
// the view the staff chose and speaks the session's language unless one was chosen.
await loadLanguage();
applyTranslations();
const session = new LiveSession({ joinCode: codeFromPath(), mode: "onsite", key: keyFromFragment() });
render(<Projector session={session} />, document.getElementById("app")!);
void session.start();
