import { loadLanguage } from "../src/lib/i18n";

// The pages load their language's dictionary before drawing; so do the tests (French).
await loadLanguage("fr");
