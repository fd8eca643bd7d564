import "../ui/tokens.css";
import "../ui/kit.css";
import "./kiosk.css";
import { render } from "preact";
import { startEasyRead } from "../lib/easyRead";
import { codeFromPath, keyFromFragment } from "../lib/connection";
import { LiveSession } from "../session/live";
import { applyTranslations, loadLanguage } from "../lib/i18n";
import { Kiosk } from "./Kiosk";

// The kiosk: a shared device, one person after another, each turn one anonymous on-site ballot.
await loadLanguage();
await startEasyRead();
applyTranslations();
const key = keyFromFragment();
const session = new LiveSession({ joinCode: codeFromPath(), mode: "onsite", key });
render(<Kiosk session={session} hasKey={!!key} />, document.getElementById("app")!);
if (key) void session.start();
