import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../lib/i18n";
import { Button } from "../ui/Button";
import { Refusal } from "../ui/States";
import { removeMember } from "./api";
import type { OrganisationMember } from "../lib/wire.generated";
import { refusalText } from "./refusals";

/**
 * The owner removes a member, in two steps on the member's own line: "Retirer", then the question
 * with its two answers. Focus goes to the question's "yes" and, on "no", back to "Retirer", so a
 * keyboard or a screen reader follows the step. The server decides (only an owner removes another).
 */
export function RemoveMember({ organisationId, member, index, onRemoved }: {
  organisationId: string; member: OrganisationMember; index: number; onRemoved: (name: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `remove-member-${index}`;
  // Focus follows the step the person took, never the page's first drawing.
  const stepped = useRef(false);
  useEffect(() => {
    if (stepped.current) document.getElementById(asking ? `${id}-yes` : id)?.focus({ preventScroll: true });
    stepped.current = true;
  }, [asking]);
  const remove = async () => {
    setPending(true);
    const answer = await removeMember(organisationId, member.subject);
    setPending(false);
    if (!answer.ok) { setError(refusalText(answer.refusal)); return; }
    onRemoved(member.name);
  };
  if (!asking) return (
    <Button id={id} small kind="quiet" onClick={() => setAsking(true)}>{t("orgs.remove")}<span class="sr-only"> : {member.name}</span></Button>
  );
  return (
    <div class="orgs-remove" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>{t("orgs.removeQuestion", { name: member.name })}</p>
      <div class="orgs-actions">
        <Button id={`${id}-yes`} small kind="danger" pending={pending} onClick={remove}>{t("orgs.removeConfirm")}</Button>
        <Button small kind="quiet" disabled={pending} onClick={() => { setError(null); setAsking(false); }}>{t("orgs.removeCancel")}</Button>
      </div>
      <Refusal message={error} />
    </div>
  );
}
