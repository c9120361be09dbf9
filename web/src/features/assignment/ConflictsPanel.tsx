import { Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { useOrganisations } from "../organisations/api.ts";
import { OrganisationSelect } from "../organisations/OrganisationSelect.tsx";
import { type OfficerProfile, useConflicts } from "./officersApi.ts";

/** Declared conflicts of interest: an officer is never given a case with that party or organisation. */
export function ConflictsPanel({ profile, editable }: { profile: OfficerProfile; editable: boolean }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const orgs = useOrganisations().data;
  const { add, remove } = useConflicts(profile.userId);
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [kind, setKind] = useState<"party" | "organisation">("party");
  const [partyName, setPartyName] = useState("");
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const orgName = (o: OfficerProfile["conflicts"][number]["organisation"]) => {
    const known = orgs?.find((x) => x.id === o?.id);
    return known ? name(known) : (o?.nameEn ?? "");
  };
  const ready = kind === "party" ? partyName.trim().length > 0 : Boolean(organisationId);

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
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
        onError: fail,
      },
    );
  }

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t("officers.conflicts")}
      </Title>
      {profile.conflicts.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="conflict-empty">
          {t("officers.noConflicts")}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="conflict-list">
          <Table.Tbody>
            {profile.conflicts.map((c) => (
              <Table.Tr key={c.id} data-testid="conflict-row" data-conflict-id={c.id}>
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
                {editable && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables === c.id}
                      onClick={() => remove.mutate(c.id, { onError: fail })}
                      data-testid="conflict-remove"
                    >
                      {t("officers.remove")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <form onSubmit={submit} noValidate data-testid="conflict-form">
          <Stack gap="xs" mt="sm">
            <ProblemAlert error={problem} testId="conflict-error" shown={(k) => k in fieldErrors} />
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
            <Group justify="flex-end">
              <Button
                type="submit"
                size="xs"
                disabled={!ready}
                loading={add.isPending}
                data-testid="conflict-add"
              >
                {t("officers.addConflict")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
