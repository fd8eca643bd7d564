import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { ModeratorLink, Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Card } from "../ui/Card";
import { Field } from "../ui/Field";
import { Confirmation, EmptyState, Refusal } from "../ui/States";
import { shareLinks } from "./links";

/** The links to hand out, the projector's theme, and the moderators' links (revocable). */
export function SharePanel({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [dark, setDark] = useState(false);
  const links = shareLinks(s, session, location.origin).map((l) =>
    l.id === "projector" && dark ? { ...l, url: l.url.replace("#key=", "?theme=dark#key=") } : l);
  return (
    <div class="panel two">
      <section aria-labelledby="links-heading">
        <h2 id="links-heading">{t("facilitator.linksHeading")}</h2>
        <ul id="links" class="stack">
          {links.map((l) => (
            <li key={l.id} class="card">
              <p class="label"><strong>{l.label}</strong>{l.secret && <span class="badge">{t("prepare.secret")}</span>}</p>
              <p><a href={l.url} target="_blank" rel="noopener">{l.secret ? l.url.replace(/#key=.*/, "#key=…") : l.url}</a></p>
            </li>
          ))}
        </ul>
        <label class="choice"><input type="checkbox" checked={dark} onChange={(e) => setDark(e.currentTarget.checked)} /> {t("prepare.darkProjector")}</label>
        <p><a class="btn quiet" href={`/api/sessions/${s.joinCode}/qr.svg?mode=onsite`} download={`qr-${s.joinCode}.svg`}>{t("prepare.downloadQr")}</a>{" "}
          <a class="btn quiet" id="poster-link" href={`/poster/${s.joinCode}`} target="_blank" rel="noopener">{t("poster.print")}</a></p>
      </section>
      <ModeratorLinks s={s} session={session} />
    </div>
  );
}

function ModeratorLinks({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [label, setLabel] = useState("");
  const [run, state] = useAction();
  /** Keys this page knows (from the join or a creation): the server never sends them again. */
  const [keys, setKeys] = useState<Record<string, string>>(() =>
    Object.fromEntries((session.joined.value?.staffKeys?.moderatorLinks ?? []).filter((l) => l.key).map((l) => [l.id, l.key!])));
  const create = async (e: Event) => {
    e.preventDefault();
    let created: ModeratorLink | null = null;
    const ok = await run(async () => {
      const r = await session.call<ModeratorLink>("CreateModeratorLink", { label: label || undefined });
      if (r.ok) created = r.value;
      return r;
    });
    if (ok && created) { const c = created as ModeratorLink; setKeys((k) => ({ ...k, [c.id]: c.key! })); setLabel(""); }
  };
  const links = s.moderatorLinks ?? [];
  return (
    <section aria-labelledby="moderators-heading">
      <h2 id="moderators-heading">{t("facilitator.moderatorsHeading")}</h2>
      <p class="meta">{t("facilitator.moderatorsHelp")}</p>
      {links.length === 0 ? <EmptyState title={t("prepare.noModeratorLink")} /> : (
        <ul id="moderator-links" class="stack">
          {links.map((l) => <ModeratorLinkRow key={l.id} link={l} keyOf={keys[l.id]} code={s.joinCode} session={session} />)}
        </ul>
      )}
      <form id="moderator-link-form" onSubmit={create} class="card">
        <Field id="moderator-label" label={t("facilitator.moderatorLabel")}>
          <input id="moderator-label" maxLength={60} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="btn" disabled={state.pending}>{t("facilitator.createModeratorLink")}</button>
        <Refusal message={state.error} />
        <Confirmation message={state.done ? t("facilitator.moderatorLinkCreated") : null} />
      </form>
    </section>
  );
}

function ModeratorLinkRow({ link, keyOf, code, session }: { link: ModeratorLink; keyOf?: string; code: string; session: LiveSession }) {
  const [run, state] = useAction();
  const name = link.label ?? t("facilitator.linkName", { id: link.id });
  return (
    <li><Card>
      <p><strong>{name}</strong></p>
      <p>{keyOf
        ? <a href={`${location.origin}/moderate/${code}#key=${encodeURIComponent(keyOf)}`} target="_blank" rel="noopener">{`${location.origin}/moderate/${code}#key=…`}</a>
        : <span class="meta">{t("facilitator.linkKeyUnknown")}</span>}</p>
      <Button small kind="danger" pending={state.pending} onClick={() => run(() => session.call("RevokeModeratorLink", { linkId: link.id }))}>{t("facilitator.revokeLink", { name })}</Button>
      <Refusal message={state.error} />
    </Card></li>
  );
}
