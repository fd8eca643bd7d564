import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { Confirmation, Refusal } from "../ui/States";
import { SettingCheckbox } from "../ui/SettingCheckbox";
import type { ProfanityMode } from "../lib/protocol";

/** The reactions offered on phones: emoji separated by spaces (the server checks them). */
function ReactionKinds({ s, session }: { s: Snapshot; session: LiveSession }) {
  const current = (s.reactions?.kinds ?? []).join(" ");
  const [kinds, setKinds] = useState(current);
  useEffect(() => setKinds(current), [current]);
  const [run, state] = useAction();
  return (
    <form id="reaction-kinds" class="inline-form" onSubmit={(e) => {
      e.preventDefault();
      void run(() => session.call("SetReactions", { enabled: s.reactions?.enabled ?? true, kinds: kinds.split(/\s+/).filter(Boolean) }));
    }}>
      <Field id="reaction-kinds-input" label={t("facilitator.reactionKinds")}>
        <input id="reaction-kinds-input" maxLength={80} value={kinds} onInput={(e) => setKinds(e.currentTarget.value)} />
      </Field>
      <button type="submit" class="btn small" disabled={state.pending || kinds === current}>{t("common.save")}</button>
      <Refusal message={state.error} />
    </form>
  );
}

const profanityModes: ProfanityMode[] = ["review", "mask", "off"];

/** The language filter: hold flagged texts for review (the default), mask the words, or let everything through. */
function ProfanitySetting({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [run, state] = useAction();
  const mode = s.profanityFilter ?? "review";
  return (
    <fieldset class="field" id="profanity">
      <legend>{t("facilitator.profanity")}</legend>
      {profanityModes.map((m) => (
        <label class="choice" key={m}><input type="radio" name="profanity" value={m} checked={mode === m} disabled={state.pending}
          onChange={() => run(() => session.call("SetProfanityFilter", { mode: m }))} /> {t(`facilitator.profanity.${m}`)}</label>
      ))}
      <Refusal message={state.error} />
    </fieldset>
  );
}

/** Moderation, the remote audience's video, and the session's life (end, delete). */
export function SettingsPanel({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [video, setVideo] = useState(s.video?.url ?? "");
  const [saveVideo, videoState] = useAction();
  const [life, lifeState] = useAction();
  return (
    <div class="panel two">
      <section aria-labelledby="moderation-heading" class="card">
        <h2 id="moderation-heading">{t("facilitator.settingsHeading")}</h2>
        <SettingCheckbox id="premoderation" label={t("facilitator.premoderation")} value={s.preModeration}
          onChange={(on) => session.call("SetModeration", { preModeration: on })}
          done={(on) => t(on ? "facilitator.premoderationOn" : "facilitator.premoderationOff")} />
        <ProfanitySetting s={s} session={session} />
        <SettingCheckbox id="reactions" label={t("facilitator.reactions", { kinds: (s.reactions?.kinds ?? []).join(" ") })} value={s.reactions?.enabled ?? true}
          onChange={(on) => session.call("SetReactions", { enabled: on })}
          done={(on) => t(on ? "facilitator.reactionsOn" : "facilitator.reactionsOff")} />
        <ReactionKinds s={s} session={session} />
        <SettingCheckbox id="easy-read-default" label={t("facilitator.easyReadDefault")} value={s.easyRead ?? false}
          onChange={(on) => session.call("SetEasyRead", { on })}
          done={(on) => t(on ? "facilitator.easyReadOn" : "facilitator.easyReadOff")} />
        <form id="video-form" onSubmit={(e) => { e.preventDefault(); void saveVideo(() => session.call("SetVideo", { url: video || null })); }}>
          <Field id="video-url" label={t("facilitator.videoLabel")}>
            <input id="video-url" type="url" inputMode="url" maxLength={500} placeholder="https://" value={video} onInput={(e) => setVideo(e.currentTarget.value)} />
          </Field>
          <div class="row">
            <button type="submit" class="btn" disabled={videoState.pending}>{t("common.save")}</button>
            {s.video && <Button kind="quiet" onClick={() => { setVideo(""); void saveVideo(() => session.call("SetVideo", { url: null })); }}>{t("facilitator.videoRemove")}</Button>}
          </div>
          <Refusal message={videoState.error} />
          <Confirmation message={videoState.done ? t(s.video ? "facilitator.videoShown" : "facilitator.videoRemoved") : null} />
        </form>
      </section>
      <section aria-labelledby="life-heading" class="card">
        <h2 id="life-heading">{t("prepare.life")}</h2>
        <div class="row">
          {s.state === "draft" && <Button kind="primary" pending={lifeState.pending} onClick={() => life(() => session.call("StartSession"))}>{t("facilitator.startSession")}</Button>}
          {s.state === "live" && <Button pending={lifeState.pending} onClick={() => { if (confirm(t("facilitator.confirmEndSession"))) void life(() => session.call("EndSession")); }}>{t("facilitator.endSession")}</Button>}
          <Button kind="danger" pending={lifeState.pending} onClick={() => { if (confirm(t("facilitator.confirmDeleteSession"))) void life(() => session.call("DeleteSession")); }}>{t("facilitator.deleteSession")}</Button>
        </div>
        <Refusal message={lifeState.error} />
      </section>
    </div>
  );
}
