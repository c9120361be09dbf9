import {
  Anchor,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatCaseNumber } from "../../../../common/case-number.ts";
import { CodedSelect } from "../../app/CodedSelect.tsx";
import { useLocale } from "../../app/format.ts";
import type { FieldErrors } from "../../app/forms.tsx";
import { useOrganisations } from "../organisations/api.ts";
import { useCaseTypes, useCourts } from "../reference/api.ts";
import { type CaseFormState, titleFromParties } from "./caseForm.ts";
import { useEnumOptions } from "./labels.tsx";
import { PartiesEditor } from "./PartiesEditor.tsx";
import { CATEGORIES, type Category, FLAGS, STAGES, type Stage } from "./types.ts";

type Props = {
  value: CaseFormState;
  onChange: (next: CaseFormState) => void;
  errors: FieldErrors;
  showOrganisation: boolean;
};

const choose = (label: string) => [{ value: "", label }];

/** The fields of a case, shared by "new case" and "edit case". */
export function CaseForm({ value: f, onChange, errors, showOrganisation }: Props) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const courts = useCourts();
  const caseTypes = useCaseTypes();
  const orgs = useOrganisations();
  const set = <K extends keyof CaseFormState>(key: K, v: CaseFormState[K]) => onChange({ ...f, [key]: v });

  const courtOptions = useMemo(
    () => [
      ...choose(t("common.choose")),
      ...(courts.data ?? [])
        .filter((c) => c.active !== false || c.id === f.courtId)
        .map((c) => ({ value: c.id, label: name(c), code: c.code })),
    ],
    [courts.data, name, t, f.courtId],
  );
  const benches = courts.data?.find((c) => c.id === f.courtId)?.benches ?? [];
  const benchOptions = [
    ...choose(t("common.notSpecified")),
    ...benches
      .filter((b) => b.active !== false || b.id === f.benchId)
      .map((b) => ({ value: b.id, label: name(b), code: b.code })),
  ];
  const typeOptions = useMemo(
    () => [
      ...choose(t("common.choose")),
      ...(caseTypes.data ?? [])
        .filter((c) => c.active !== false || c.id === f.caseTypeId)
        .map((c) => ({
          value: c.id,
          label: `${c.abbreviation} — ${name(c)}`,
          code: c.code,
        })),
    ],
    [caseTypes.data, name, t, f.caseTypeId],
  );
  const orgOptions = useMemo(
    () =>
      (orgs.data ?? [])
        .filter((o) => o.active !== false || o.id === f.organisationId)
        .map((o) => ({ value: o.id, label: `${name(o)} (${o.code})`, code: o.code }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [orgs.data, name, f.organisationId],
  );
  const categoryOptions = [...choose(t("common.choose")), ...useEnumOptions(CATEGORIES, "category")];
  const stageOptions = [...choose("—"), ...useEnumOptions(STAGES, "stage")];
  const suggestedTitle = titleFromParties(f.parties);
  const abbreviation = caseTypes.data?.find((c) => c.id === f.caseTypeId)?.abbreviation;
  const preview =
    abbreviation && /^\d+$/.test(f.number.trim()) && /^\d{4}$/.test(f.year.trim())
      ? formatCaseNumber({
          abbreviation,
          number: Number(f.number),
          suffix: f.numberSuffix.trim(),
          year: Number(f.year),
        })
      : null;

  return (
    <Stack gap="md">
      {showOrganisation && (
        <CodedSelect
          label={t("fields.organisation")}
          description={t("cases.organisationHint")}
          required
          options={orgOptions}
          value={f.organisationId}
          onChange={(e) => set("organisationId", e.currentTarget.value)}
          error={errors.organisationId}
          data-testid="case-organisation"
        />
      )}
      <Fieldset legend={t("cases.courtAndNumber")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <CodedSelect
            label={t("fields.court")}
            required
            options={courtOptions}
            value={f.courtId}
            onChange={(e) => onChange({ ...f, courtId: e.currentTarget.value, benchId: "" })}
            error={errors.courtId}
            data-testid="case-court"
          />
          <CodedSelect
            label={t("fields.bench")}
            options={benchOptions}
            value={f.benchId}
            disabled={benches.length === 0}
            onChange={(e) => set("benchId", e.currentTarget.value)}
            error={errors.benchId}
            data-testid="case-bench"
          />
          <CodedSelect
            label={t("fields.caseType")}
            required
            options={typeOptions}
            value={f.caseTypeId}
            onChange={(e) => set("caseTypeId", e.currentTarget.value)}
            error={errors.caseTypeId}
            data-testid="case-type"
          />
          <Group grow align="flex-start" gap="xs">
            <TextInput
              label={t("fields.number")}
              required
              inputMode="numeric"
              value={f.number}
              onChange={(e) => set("number", e.currentTarget.value)}
              error={errors.number}
              data-testid="case-number"
              classNames={{ input: "ltr" }}
            />
            <TextInput
              label={t("fields.numberSuffix")}
              placeholder="K"
              maxLength={10}
              value={f.numberSuffix}
              onChange={(e) => set("numberSuffix", e.currentTarget.value)}
              error={errors.numberSuffix}
              data-testid="case-suffix"
              classNames={{ input: "ltr" }}
            />
            <TextInput
              label={t("fields.year")}
              required
              inputMode="numeric"
              maxLength={4}
              value={f.year}
              onChange={(e) => set("year", e.currentTarget.value)}
              error={errors.year}
              data-testid="case-year"
              classNames={{ input: "ltr" }}
            />
          </Group>
        </SimpleGrid>
        {preview && (
          <Text size="sm" mt="xs" c="dimmed">
            {t("cases.numberPreview")}{" "}
            <Text
              span
              fw={600}
              c="var(--mantine-color-text)"
              className="ltr"
              data-testid="case-number-preview"
            >
              {preview}
            </Text>
          </Text>
        )}
      </Fieldset>

      <PartiesEditor parties={f.parties} onChange={(parties) => set("parties", parties)} errors={errors} />

      <Fieldset legend={t("cases.aboutCase")}>
        <Stack gap="sm">
          <TextInput
            label={t("fields.title")}
            required
            placeholder={suggestedTitle || t("cases.titlePlaceholder")}
            value={f.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={errors.title}
            data-testid="case-title-input"
            description={
              suggestedTitle && suggestedTitle !== f.title ? (
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  onClick={() => set("title", suggestedTitle)}
                  data-testid="case-title-suggest"
                >
                  {t("cases.useTitle", { title: suggestedTitle })}
                </Anchor>
              ) : undefined
            }
          />
          <Textarea
            label={t("fields.subject")}
            autosize
            minRows={2}
            maxRows={6}
            value={f.subject}
            onChange={(e) => set("subject", e.currentTarget.value)}
            error={errors.subject}
            data-testid="case-subject"
          />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <NativeSelect
              label={t("fields.category")}
              required
              data={categoryOptions}
              value={f.category}
              onChange={(e) => set("category", e.currentTarget.value as Category | "")}
              error={errors.category}
              data-testid="case-category"
            />
            <NativeSelect
              label={t("fields.stage")}
              data={stageOptions}
              value={f.stage}
              onChange={(e) => set("stage", e.currentTarget.value as Stage | "")}
              error={errors.stage}
              data-testid="case-stage"
            />
            <TextInput
              label={t("fields.amountInvolved")}
              inputMode="decimal"
              leftSection={<span>Rs</span>}
              value={f.amountInvolved}
              onChange={(e) => set("amountInvolved", e.currentTarget.value)}
              error={errors.amountInvolved}
              data-testid="case-amount"
              classNames={{ input: "ltr" }}
            />
            <TextInput
              type="date"
              label={t("fields.filedOn")}
              value={f.filedOn}
              onChange={(e) => set("filedOn", e.currentTarget.value)}
              error={errors.filedOn}
              data-testid="case-filed-on"
            />
            <TextInput
              type="date"
              label={t("fields.noticeReceivedOn")}
              value={f.noticeReceivedOn}
              onChange={(e) => set("noticeReceivedOn", e.currentTarget.value)}
              error={errors.noticeReceivedOn}
              data-testid="case-notice-received-on"
            />
          </SimpleGrid>
          <Group gap="lg" data-testid="case-flags">
            {FLAGS.map((flag) => (
              <Checkbox
                key={flag}
                label={t(`flags.${flag}`)}
                description={t(`flagHints.${flag}`)}
                checked={f.flags[flag]}
                onChange={(e) => set("flags", { ...f.flags, [flag]: e.currentTarget.checked })}
                error={errors[`flags.${flag}`]}
                data-testid={`case-flag-${flag}`}
              />
            ))}
          </Group>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
