import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  DATA_CATEGORIES,
  EMERGENCY_RISKS,
  LEGAL_BASIS_KINDS,
  URGENCY_LEVELS,
} from "../../../../../common/mla/request.ts";
import { Area, Choice, Field } from "./fields.tsx";
import { RefusalScreening } from "./RefusalScreening.tsx";
import type { StepProps } from "./types.ts";

/** What is asked and on what footing: assistance, data, legal basis, urgency, confidentiality, kind's own parts. */
export function StepAssistance(props: StepProps) {
  const { detail, draft, patch, readOnly, errors, directory } = props;
  const { t } = useTranslation();
  const basis = draft.legalBasis ?? {};
  const urgency = draft.urgency ?? {};
  const emergency = draft.emergency ?? {};
  return (
    <Stack gap="sm" data-testid="mla-step-assistance">
      {detail.kind === "preservation" && (
        <>
          <Checkbox
            label={t("mla.fields.mlaWillFollow")}
            checked={draft.mlaWillFollow ?? false}
            onChange={(e) => patch({ mlaWillFollow: e.currentTarget.checked })}
            disabled={readOnly}
            data-testid="mla-draft-mlaWillFollow"
          />
          <Area
            name="preservationNeed"
            value={draft.preservationNeed}
            onChange={(v) => patch({ preservationNeed: v })}
            disabled={readOnly}
          />
        </>
      )}
      {detail.kind === "emergency_disclosure" && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Choice
              name="emergencyRisk"
              value={emergency.risk}
              options={EMERGENCY_RISKS}
              labelOf={(c) => t(`mla.risk.${c}`)}
              onChange={(v) =>
                patch({ emergency: { ...emergency, risk: v as (typeof EMERGENCY_RISKS)[number] } })
              }
              disabled={readOnly}
            />
            <Checkbox
              mt="lg"
              label={t("mla.fields.imminent")}
              checked={emergency.imminent ?? false}
              onChange={(e) => patch({ emergency: { ...emergency, imminent: e.currentTarget.checked } })}
              disabled={readOnly}
              data-testid="mla-draft-imminent"
            />
          </SimpleGrid>
          <Area
            name="threat"
            value={emergency.threat}
            onChange={(v) => patch({ emergency: { ...emergency, threat: v } })}
            disabled={readOnly}
          />
          <Area
            name="whyDataHelps"
            value={emergency.whyDataHelps}
            onChange={(v) => patch({ emergency: { ...emergency, whyDataHelps: v } })}
            disabled={readOnly}
          />
        </>
      )}
      {detail.kind === "mla_incoming" && <RefusalScreening {...props} />}
      <Area
        name="assistanceSought"
        value={draft.assistanceSought}
        onChange={(v) => patch({ assistanceSought: v })}
        disabled={readOnly}
        error={errors["draft.assistanceSought"]}
      />
      <Checkbox.Group
        label={t("mla.fields.dataCategories")}
        value={draft.dataCategories ?? []}
        onChange={(v) => patch({ dataCategories: v as typeof draft.dataCategories })}
        data-testid="mla-draft-dataCategories"
      >
        <Group gap="md" mt={4}>
          {DATA_CATEGORIES.map((c) => (
            <Checkbox
              key={c}
              value={c}
              label={t(`mla.dataCategory.${c}`)}
              disabled={readOnly}
              data-testid={`mla-draft-data-${c}`}
            />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Choice
          name="legalBasisKind"
          value={basis.kind}
          options={LEGAL_BASIS_KINDS}
          labelOf={(c) => t(`mla.legalBasis.${c}`)}
          onChange={(v) => patch({ legalBasis: { ...basis, kind: v as (typeof LEGAL_BASIS_KINDS)[number] } })}
          disabled={readOnly}
        />
        <NativeSelect
          label={t("mla.fields.instrument")}
          value={basis.instrument ?? ""}
          onChange={(e) =>
            patch({ legalBasis: { ...basis, instrument: e.currentTarget.value || undefined } })
          }
          data={[
            { value: "", label: t("common.notSpecified") },
            ...(directory?.instruments ?? []).map((i) => ({ value: i.code, label: i.name })),
          ]}
          disabled={readOnly}
          data-testid="mla-draft-instrument"
        />
        <Field
          name="legalBasisName"
          value={basis.name}
          onChange={(v) => patch({ legalBasis: { ...basis, name: v } })}
          disabled={readOnly}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Choice
          name="urgency"
          value={urgency.level}
          options={URGENCY_LEVELS}
          labelOf={(c) => t(`mla.urgencyLevel.${c}`)}
          onChange={(v) => patch({ urgency: { ...urgency, level: v as (typeof URGENCY_LEVELS)[number] } })}
          disabled={readOnly}
        />
        <Field
          name="urgencyReasons"
          value={urgency.reasons}
          onChange={(v) => patch({ urgency: { ...urgency, reasons: v } })}
          disabled={readOnly}
        />
        <Field
          name="timeLimit"
          value={urgency.timeLimit}
          onChange={(v) => patch({ urgency: { ...urgency, timeLimit: v || undefined } })}
          disabled={readOnly}
          error={errors["draft.urgency.timeLimit"]}
          placeholder="2026-12-31"
          ltr
        />
      </SimpleGrid>
      <Area
        name="confidentiality"
        value={draft.confidentiality}
        onChange={(v) => patch({ confidentiality: v })}
        disabled={readOnly}
      />
      <Area
        name="limitsOnUse"
        value={draft.limitsOnUse}
        onChange={(v) => patch({ limitsOnUse: v })}
        disabled={readOnly}
      />
      {readOnly && (
        <Text size="xs" c="dimmed">
          {t("mla.readOnly")}
        </Text>
      )}
    </Stack>
  );
}
