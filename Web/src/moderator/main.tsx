import "../ui/tokens.css";
import "../ui/kit.css";
import "./moderator.css";
import { render } from "preact";
import { codeFromPath, keyFromFragment } from "../lib/connection";
import { LiveSession } from "../session/live";
import { applyTranslations, loadLanguage } from "../lib/i18n";
import { Moderator } from "./Moderator";

// Moderator console: the question queue in tabs with counts, keys on the focused card, and the speaking queue.
await loadLanguage();
applyTranslations();
const key = keyFromFragment();
const session = new LiveSession({ joinCode: codeFromPath(), mode: "onsite", key });
render(<Moderator session={session} hasKey={!!key} />, document.getElementById("app")!);
if (key) void session.start();
