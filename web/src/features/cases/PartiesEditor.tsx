import { ActionIcon, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { CodedSelect } from "../../app/CodedSelect.tsx";
import { useLocale } from "../../app/format.ts";
import type { FieldErrors } from "../../app/forms.tsx";
import { useOrganisations } from "../organisations/api.ts";
import { newPartyRow, type PartyRow } from "./caseForm.ts";
import { useEnumOptions } from "./labels.tsx";
import { SIDES, type Side } from "./types.ts";

type Props = {
  parties: PartyRow[];
  onChange: (parties: PartyRow[]) => void;
  errors: FieldErrors;
};

/** The ordered list of parties: the order is the order of the title and of the court's records. */
export function PartiesEditor({ parties, onChange, errors }: Props) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const orgs = useOrganisations();
  const sideOptions = useEnumOptions(SIDES, "side");
  const orgOptions = useMemo(
    () => [
      { value: "", label: t("cases.notGovernmentParty") },
      ...(orgs.data ?? [])
        // Inactive organisations are offered only where a party already names one.
        .filter((o) => o.active !== false || parties.some((p) => p.organisationId === o.id))
        .map((o) => ({ value: o.id, label: `${name(o)} (${o.code})`, code: o.code }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    ],
    [orgs.data, name, t, parties],
  );

  const update = (index: number, patch: Partial<PartyRow>) =>
    onChange(parties.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= parties.length) return;
    const next = [...parties];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
  };
  const remove = (index: number) => onChange(parties.filter((_, i) => i !== index));
  const add = () => {
    const last = parties.at(-1)?.side;
    const side: Side = last === "petitioner" || last === "appellant" || !last ? "respondent" : last;
    onChange([...parties, newPartyRow(side)]);
  };

  return (
    <Stack gap="xs" data-testid="parties-editor">
      <Text fw={500} size="sm">
        {t("cases.parties")}{" "}
        <Text span c="red">
          *
        </Text>
      </Text>
      {errors.parties && (
        <Text c="red" size="sm" data-testid="parties-error">
          {errors.parties}
        </Text>
      )}
      {parties.map((p, i) => (
        <Paper key={p.key} withBorder p="xs" data-testid="party-row" data-index={i}>
          <Group align="flex-start" gap="xs" wrap="wrap">
            <Text size="sm" fw={600} w={24} pt={30} ta="center" aria-hidden>
              {i + 1}
            </Text>
            <NativeSelect
              label={t("fields.side")}
              w={180}
              data={sideOptions}
              value={p.side}
              onChange={(e) => update(i, { side: e.currentTarget.value as Side })}
              error={errors[`parties.${i}.side`]}
              data-testid={`party-side-${i}`}
            />
            <TextInput
              label={t("fields.partyName")}
              flex={1}
              miw={220}
              required
              value={p.name}
              onChange={(e) => update(i, { name: e.currentTarget.value })}
              error={errors[`parties.${i}.name`]}
              data-testid={`party-name-${i}`}
            />
            <CodedSelect
              label={t("fields.governmentOrganisation")}
              w={260}
              options={orgOptions}
              value={p.organisationId}
              onChange={(e) => update(i, { organisationId: e.currentTarget.value })}
              error={errors[`parties.${i}.organisationId`]}
              data-testid={`party-organisation-${i}`}
            />
            <Group gap={4} pt={26} wrap="nowrap">
              <ActionIcon
                variant="default"
                size="lg"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t("cases.moveUp")}
                title={t("cases.moveUp")}
                data-testid={`party-up-${i}`}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="default"
                size="lg"
                disabled={i === parties.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t("cases.moveDown")}
                title={t("cases.moveDown")}
                data-testid={`party-down-${i}`}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="light"
                color="red"
                size="lg"
                disabled={parties.length <= 2}
                onClick={() => remove(i)}
                aria-label={t("cases.removeParty")}
                title={t("cases.removeParty")}
                data-testid={`party-remove-${i}`}
              >
                ✕
              </ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={add} data-testid="party-add">
          {t("cases.addParty")}
        </Button>
      </Group>
    </Stack>
  );
}
