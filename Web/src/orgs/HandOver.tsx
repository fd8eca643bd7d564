import { useState } from "preact/hooks";
import { t } from "../lib/i18n";
import { Field } from "../ui/Field";
import { handOver, type OrganisationView } from "./api";
import type { OrganisationCafe } from "../lib/wire.generated";
import { refusalText } from "./refusals";

type Cafe = OrganisationCafe;

/**
 * Hand a café over to another member: folded away, since it is seldom needed; the server says who may.
 * `onHandedOver` tells the card, which says so: this form goes away once the caller no longer holds the café.
 */
export function HandOver({ cafe, organisation, onHandedOver }: {
  cafe: Cafe; organisation: OrganisationView; onHandedOver: (view: OrganisationView, message: string) => void;
}) {
  const others = organisation.members.filter((m) => m.subject !== cafe.heldBy);
  const [to, setTo] = useState(others[0]?.subject ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (others.length === 0) return null;
  // After a hand-over the new holder leaves the list: the choice falls back to the first one left.
  const chosen = others.some((m) => m.subject === to) ? to : others[0].subject;
  const id = `hand-over-${cafe.sessionId}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    setPending(true);
    const answer = await handOver(organisation.organisationId, cafe.sessionId, chosen);
    setPending(false);
    if (!answer.ok) { setError(refusalText(answer.refusal)); return; }
    setError(null);
    onHandedOver(answer.value, t("orgs.handedOver", { name: organisation.members.find((m) => m.subject === chosen)?.name ?? "" }));
  };
  return (
    <details class="orgs-handover">
      <summary>{t("orgs.handOverSummary")}</summary>
      <form onSubmit={submit}>
        <Field id={id} label={t("orgs.handOverLabel")} error={error}>
          <select id={id} value={chosen} onChange={(e) => setTo(e.currentTarget.value)}>
            {others.map((m) => <option key={m.subject} value={m.subject}>{m.name}</option>)}
          </select>
        </Field>
        <button type="submit" class="btn" disabled={pending}>{t("orgs.handOver")}</button>
      </form>
    </details>
  );
}
