import { useEffect, useState } from "preact/hooks";
import { t } from "../lib/i18n";
import { Button } from "../ui/Button";
import { Refusal } from "../ui/States";
import { accept } from "./api";
import { refusalText } from "./refusals";

/** An invitation link opened by someone signed in: one button; once accepted, the organisation's page. */
export function AcceptInvitation({ organisationId, invitationKey }: { organisationId: string; invitationKey: string }) {
  const [error, setError] = useState<string | null>(invitationKey ? null : t("orgs.noInvitation"));
  const [pending, setPending] = useState(false);
  useEffect(() => { document.body.dataset.ready = "true"; }, []);
  const join = async () => {
    setPending(true);
    const answer = await accept(organisationId, invitationKey);
    setPending(false);
    if (!answer.ok) { setError(refusalText(answer.refusal, "orgs.invitationInvalid")); return; }
    // The key has served: it leaves the address, and the organisation's page opens.
    location.replace(`/orgs/${organisationId}?welcome=1`);
  };
  return (
    <section class="card orgs-join" aria-labelledby="join-heading">
      <h2 id="join-heading">{t("orgs.joinTitle")}</h2>
      <p>{t("orgs.joinHint")}</p>
      <Button kind="primary" id="accept-invitation" pending={pending} disabled={!invitationKey} onClick={join}>{t("orgs.accept")}</Button>
      <Refusal message={error} />
    </section>
  );
}
