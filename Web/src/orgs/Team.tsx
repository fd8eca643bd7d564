import { useState } from "preact/hooks";
import { currentLang, t } from "../lib/i18n";
import { Button } from "../ui/Button";
import { Confirmation, Refusal } from "../ui/States";
import { invitationLink, invite, type OrganisationInvitation, type OrganisationView } from "./api";
import { refusalText } from "./refusals";
import { RemoveMember } from "./RemoveMember";

/**
 * The team, and for whoever manages the organisation (the server says so with `role`), an invitation
 * link to send and a way to remove the others. Once someone is removed the list is the server's again,
 * and focus goes to the team's heading, where the sentence that says so is read.
 */
export function Team({ organisation, me, reload }: { organisation: OrganisationView; me: string; reload: () => Promise<void> }) {
  const [removed, setRemoved] = useState<string | null>(null);
  const owner = organisation.role === "owner";
  const onRemoved = async (name: string) => {
    await reload();
    setRemoved(t("orgs.removed", { name }));
    document.getElementById("team-heading")?.focus();
  };
  return (
    <section class="card orgs-team" aria-labelledby="team-heading">
      <h2 id="team-heading" tabIndex={-1}>{t("orgs.membersHeading")}</h2>
      <Confirmation message={removed} />
      <ul id="organisation-members" class="orgs-members">
        {organisation.members.map((m, i) => (
          <li key={m.subject} class="orgs-member">
            <span><strong>{m.name}</strong>{m.subject === me && <> {t("orgs.you")}</>} <span class="meta">{t(`orgs.memberRole.${m.role}`)}</span></span>
            {owner && m.subject !== me && <RemoveMember organisationId={organisation.organisationId} member={m} index={i} onRemoved={onRemoved} />}
          </li>
        ))}
      </ul>
      {owner && <Invite organisationId={organisation.organisationId} />}
    </section>
  );
}

function Invite({ organisationId }: { organisationId: string }) {
  const [invitation, setInvitation] = useState<OrganisationInvitation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const make = async () => {
    setPending(true);
    const answer = await invite(organisationId);
    setPending(false);
    setCopied(null);
    if (!answer.ok) { setError(refusalText(answer.refusal)); return; }
    setError(null);
    setInvitation(answer.value);
  };
  const link = invitation ? invitationLink(location.origin, organisationId, invitation.invitationKey) : "";
  const copy = async () => {
    // The clipboard may be refused (an old browser, no permission): the link stays selected to copy by hand.
    const field = document.getElementById("invitation-link") as HTMLInputElement | null;
    field?.select();
    await navigator.clipboard?.writeText(link).then(() => setCopied(t("orgs.copied")), () => undefined);
  };
  const until = invitation ? new Intl.DateTimeFormat(currentLang(), { dateStyle: "long" }).format(new Date(invitation.expiresAt)) : "";
  return (
    <div class="orgs-invite">
      <h3>{t("orgs.inviteHeading")}</h3>
      <p>{t("orgs.inviteHelp")}</p>
      <Button id="make-invitation" pending={pending} onClick={make}>{t("orgs.invite")}</Button>
      <Refusal message={error} />
      {invitation && (
        <div class="field orgs-link">
          <label for="invitation-link">{t("orgs.inviteLinkLabel")}</label>
          <p class="hint" id="invitation-link-hint">{t("orgs.inviteExpires", { date: until })}</p>
          <input id="invitation-link" readOnly value={link} aria-describedby="invitation-link-hint" onFocus={(e) => e.currentTarget.select()} />
          <Button id="copy-invitation" onClick={copy}>{t("orgs.copy")}</Button>
          <Confirmation message={copied} />
        </div>
      )}
    </div>
  );
}
