import { ActionIcon, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MlaRequestDraft } from "../../../../common/mla/request.ts";

type Offence = NonNullable<MlaRequestDraft["offences"]>[number];

/** The offences as a simple list: a provision and a description each; add and remove rows. */
export function OffencesEditor({
  offences,
  onChange,
  disabled,
}: {
  offences: Offence[];
  onChange: (offences: Offence[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<Offence>) =>
    onChange(offences.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <Stack gap={6} data-testid="mla-draft-offences" data-count={offences.length}>
      <Text size="sm" fw={500}>
        {t("mla.fields.offences")}
      </Text>
      {offences.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap" data-testid="mla-offence">
          <TextInput
            label={t("mla.fields.provision")}
            value={o.provision ?? ""}
            onChange={(e) => update(i, { provision: e.currentTarget.value })}
            disabled={disabled}
            w={260}
            data-testid={`mla-offence-provision-${i}`}
          />
          <TextInput
            label={t("mla.fields.description")}
            value={o.description ?? ""}
            onChange={(e) => update(i, { description: e.currentTarget.value })}
            disabled={disabled}
            style={{ flex: 1 }}
            data-testid={`mla-offence-description-${i}`}
          />
          {!disabled && (
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t("mla.fields.removeOffence")}
              title={t("mla.fields.removeOffence")}
              onClick={() => onChange(offences.filter((_, j) => j !== i))}
              data-testid={`mla-offence-remove-${i}`}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {!disabled && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => onChange([...offences, {}])}
            data-testid="mla-offence-add"
          >
            {t("mla.fields.addOffence")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
