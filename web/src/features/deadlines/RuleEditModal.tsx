import { Group, NativeSelect, NumberInput, Switch, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  changedFields,
  DialogIntro,
  FormDialog,
  useFields,
  useVersionedSave,
} from "../../app/FormDialog.tsx";
import { useLocale } from "../../app/format.ts";
import {
  type LimitationRule,
  type LimitationRulePatch,
  SOURCE_STATUSES,
  type SourceStatus,
  usePatchRule,
} from "./api.ts";

type Keyed = LimitationRule & { id: string };
const keyed = (r: LimitationRule): Keyed => ({ ...r, id: r.code });

/** usePatchRule in the shape the versioned dialogs send: `{ id: code, version, ...changes }`. */
function usePatch() {
  const m = usePatchRule();
  return {
    isPending: m.isPending,
    mutate: (
      { id, ...body }: LimitationRulePatch & { id: string },
      callbacks: { onSuccess: (r: LimitationRule) => void; onError: (e: unknown) => void },
    ) => m.mutate({ code: id, body }, callbacks),
  };
}

/** Edits a rule's period, margin, certified-copy exclusion, source and status; sends only what changed. */
export function RuleEditModal({
  rule,
  onClose,
  latest,
}: {
  rule: LimitationRule;
  onClose: () => void;
  latest: () => Promise<LimitationRule[] | undefined>;
}) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const dialog = useVersionedSave(keyed(rule), usePatch(), {
    onClose,
    saved: (saved) => t("rules.saved", { name: name(saved), version: saved.version }),
    latest: async () => (await latest())?.map(keyed),
  });
  const { base, fieldErrors } = dialog;
  const [f, set] = useFields({
    days: base.days ?? ("" as number | string),
    marginDays: base.marginDays as number | string,
    certifiedCopyExcluded: base.certifiedCopyExcluded,
    source: base.source,
    status: base.status,
  });

  function submit() {
    const errors: Record<string, string> = {};
    if (!f.source.trim()) errors.source = t("validation.required");
    if (f.marginDays === "") errors.marginDays = t("validation.required");
    if (!dialog.check(errors)) return;
    const next = {
      days: f.days === "" ? null : Number(f.days),
      marginDays: Number(f.marginDays),
      certifiedCopyExcluded: f.certifiedCopyExcluded,
      source: f.source.trim(),
      status: f.status,
    };
    dialog.save(changedFields(base, next) as Omit<LimitationRulePatch, "version">);
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("rules.edit")}
      testId="rule-edit"
      onSubmit={submit}
      intro={
        <DialogIntro code={`${base.code} · v${base.version}`}>
          <bdi>{name(base)}</bdi>
        </DialogIntro>
      }
    >
      <Group grow align="flex-start" gap="xs">
        <NumberInput
          label={t("rules.days")}
          description={t("rules.daysHelp")}
          min={1}
          max={3650}
          allowDecimal={false}
          allowNegative={false}
          value={f.days}
          onChange={(v) => set("days", v)}
          error={fieldErrors.days}
          classNames={{ input: "ltr" }}
          data-testid="rule-days-input"
        />
        <NumberInput
          label={t("rules.margin")}
          description={t("rules.marginHelp")}
          required
          min={0}
          max={60}
          allowDecimal={false}
          allowNegative={false}
          value={f.marginDays}
          onChange={(v) => set("marginDays", v)}
          error={fieldErrors.marginDays}
          classNames={{ input: "ltr" }}
          data-testid="rule-margin-input"
        />
      </Group>
      <Switch
        label={t("rules.copyExcluded")}
        description={t("rules.copyExcludedHelp")}
        checked={f.certifiedCopyExcluded}
        onChange={(e) => set("certifiedCopyExcluded", e.currentTarget.checked)}
        data-testid="rule-copy-excluded-input"
      />
      <Textarea
        label={t("reference.source")}
        required
        autosize
        minRows={2}
        maxLength={500}
        lang="en"
        value={f.source}
        onChange={(e) => set("source", e.currentTarget.value)}
        error={fieldErrors.source}
        data-testid="rule-source-input"
      />
      <NativeSelect
        label={t("rules.status")}
        data={SOURCE_STATUSES.map((s) => ({ value: s, label: t(`referenceStatus.${s}`) }))}
        value={f.status}
        onChange={(e) => set("status", e.currentTarget.value as SourceStatus)}
        error={fieldErrors.status}
        data-testid="rule-status-input"
      />
    </FormDialog>
  );
}
