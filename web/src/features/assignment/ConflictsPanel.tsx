import { SegmentedControl, Table, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";
import { useProblem } from "../../app/forms.tsx";
import { useOrganisations } from "../organisations/api.ts";
import { OrganisationSelect } from "../organisations/OrganisationSelect.tsx";
import { type OfficerProfile, useConflicts } from "./officersApi.ts";
import { ProfileListPanel } from "./ProfileListPanel.tsx";

/** Declared conflicts of interest: an officer is never given a case with that party or organisation. */
export function ConflictsPanel({ profile, editable }: { profile: OfficerProfile; editable: boolean }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const orgs = useOrganisations().data;
  const { add, remove } = useConflicts(profile.userId);
  const problem = useProblem();
  const { fieldErrors } = problem;
  const [kind, setKind] = useState<"party" | "organisation">("party");
  const [partyName, setPartyName] = useState("");
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const orgName = (o: OfficerProfile["conflicts"][number]["organisation"]) => {
    const known = orgs?.find((x) => x.id === o?.id);
    return known ? name(known) : (o?.nameEn ?? "");
  };
  const ready = kind === "party" ? partyName.trim().length > 0 : Boolean(organisationId);

  function submit() {
    add.mutate(
      kind === "party"
        ? { partyName: partyName.trim(), note: note.trim() }
        : { organisationId, note: note.trim() },
      {
        onSuccess: () => {
          setPartyName("");
          setOrganisationId(null);
          setNote("");
        },
        onError: problem.fail,
      },
    );
  }

  return (
    <ProfileListPanel
      title={t("officers.conflicts")}
      testId="conflict"
      emptyText={t("officers.noConflicts")}
      items={profile.conflicts}
      renderCells={(c) => (
        <>
          <Table.Td>
            {c.partyName ? (
              <>
                {t("officers.party")}: <bdi>{c.partyName}</bdi>
              </>
            ) : (
              <>
                {t("fields.organisation")}: <bdi>{orgName(c.organisation)}</bdi>{" "}
                <span className="ltr">({c.organisation?.code})</span>
              </>
            )}
          </Table.Td>
          <Table.Td>
            <bdi>{c.note}</bdi>
          </Table.Td>
        </>
      )}
      editable={editable}
      remove={remove}
      problem={problem}
      onAdd={submit}
      canAdd={ready}
      adding={add.isPending}
      addLabel={t("officers.addConflict")}
    >
      <SegmentedControl
        size="xs"
        value={kind}
        onChange={(v) => setKind(v as "party" | "organisation")}
        data={[
          { value: "party", label: t("officers.party") },
          { value: "organisation", label: t("fields.organisation") },
        ]}
        data-testid="conflict-kind"
      />
      {kind === "party" ? (
        <TextInput
          label={t("officers.partyName")}
          required
          value={partyName}
          onChange={(e) => setPartyName(e.currentTarget.value)}
          error={fieldErrors.partyName}
          data-testid="conflict-party"
        />
      ) : (
        <OrganisationSelect
          label={t("fields.organisation")}
          required
          value={organisationId}
          onChange={setOrganisationId}
          error={fieldErrors.organisationId}
          data-testid="conflict-organisation"
        />
      )}
      <TextInput
        label={t("officers.conflictNote")}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={fieldErrors.note}
        data-testid="conflict-note"
      />
    </ProfileListPanel>
  );
}
