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
      <StaffLinks kind="moderator" s={s} session={session} />
      <StaffLinks kind="kiosk" s={s} session={session} />
    </div>
  );
}

/** Links that carry a key and can be revoked: moderators' consoles and kiosks. Their texts and calls by kind. */
const linkKinds = {
  moderator: {
    create: "CreateModeratorLink", revoke: "RevokeModeratorLink", path: "moderate",
    heading: "facilitator.moderatorsHeading", help: "facilitator.moderatorsHelp", none: "prepare.noModeratorLink",
    label: "facilitator.moderatorLabel", submit: "facilitator.createModeratorLink", created: "facilitator.moderatorLinkCreated",
  },
  kiosk: {
    create: "CreateKioskLink", revoke: "RevokeKioskLink", path: "kiosk",
    heading: "kiosk.linksHeading", help: "kiosk.linksHelp", none: "kiosk.noLink",
    label: "kiosk.linkLabel", submit: "kiosk.createLink", created: "kiosk.linkCreated",
  },
} as const;
type LinkKind = keyof typeof linkKinds;

function StaffLinks({ kind, s, session }: { kind: LinkKind; s: Snapshot; session: LiveSession }) {
  const k = linkKinds[kind];
  const [label, setLabel] = useState("");
  const [run, state] = useAction();
  /** Keys this page knows (from the join or a creation): the server never sends them again. */
  const [keys, setKeys] = useState<Record<string, string>>(() => {
    const given = session.joined.value?.staffKeys;
    const known = (kind === "moderator" ? given?.moderatorLinks : given?.kioskLinks) ?? [];
    return Object.fromEntries(known.filter((l) => l.key).map((l) => [l.id, l.key!]));
  });
  const create = async (e: Event) => {
    e.preventDefault();
    let created: ModeratorLink | null = null;
    const ok = await run(async () => {
      const r = await session.call<ModeratorLink>(k.create, { label: label || undefined });
      if (r.ok) created = r.value;
      return r;
    });
    if (ok && created) { const c = created as ModeratorLink; setKeys((known) => ({ ...known, [c.id]: c.key! })); setLabel(""); }
  };
  const links = (kind === "moderator" ? s.moderatorLinks : s.kioskLinks) ?? [];
  return (
    <section aria-labelledby={`${kind}s-heading`}>
      <h2 id={`${kind}s-heading`}>{t(k.heading)}</h2>
      <p class="meta">{t(k.help)}</p>
      {links.length === 0 ? <EmptyState title={t(k.none)} /> : (
        <ul id={`${kind}-links`} class="stack">
          {links.map((l) => <LinkRow key={l.id} link={l} keyOf={keys[l.id]} url={`${location.origin}/${k.path}/${s.joinCode}`} revoke={k.revoke} session={session} />)}
        </ul>
      )}
      <form id={`${kind}-link-form`} onSubmit={create} class="card">
        <Field id={`${kind}-label`} label={t(k.label)}>
          <input id={`${kind}-label`} maxLength={60} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="btn" disabled={state.pending}>{t(k.submit)}</button>
        <Refusal message={state.error} />
        <Confirmation message={state.done ? t(k.created) : null} />
      </form>
    </section>
  );
}

function LinkRow({ link, keyOf, url, revoke, session }: { link: ModeratorLink; keyOf?: string; url: string; revoke: string; session: LiveSession }) {
  const [run, state] = useAction();
  const name = link.label ?? t("facilitator.linkName", { id: link.id });
  return (
    <li><Card>
      <p><strong>{name}</strong></p>
      <p>{keyOf
        ? <a href={`${url}#key=${encodeURIComponent(keyOf)}`} target="_blank" rel="noopener">{`${url}#key=…`}</a>
        : <span class="meta">{t("facilitator.linkKeyUnknown")}</span>}</p>
      <Button small kind="danger" pending={state.pending} onClick={() => run(() => session.call(revoke, { linkId: link.id }))}>{t("facilitator.revokeLink", { name })}</Button>
      <Refusal message={state.error} />
    </Card></li>
  );
}
