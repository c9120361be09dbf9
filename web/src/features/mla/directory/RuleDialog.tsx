import { Accordion, Group, NativeSelect, Switch, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  changedFields,
  DialogIntro,
  FormDialog,
  useFields,
  useVersionedSave,
} from "../../../app/FormDialog.tsx";
import { useLocale } from "../../../app/format.ts";
import { type RuleItem, type RulePut, SEVERITIES, useSaveRule } from "./api.ts";

type Keyed = RuleItem & { id: string };
const keyed = (r: RuleItem): Keyed => ({ ...r, id: r.rule.code });
type Findings = RuleItem["rule"]["findings"];
const TEXTS = ["message_en", "message_ur", "fix_en", "fix_ur"] as const;

/** useSaveRule in the shape the versioned dialogs send: `{ id: code, version, ...changes }`. */
function usePut() {
  const m = useSaveRule();
  return {
    isPending: m.isPending,
    mutate: (
      { id, ...body }: RulePut & { id: string },
      callbacks: { onSuccess: (r: RuleItem) => void; onError: (e: unknown) => void },
    ) => m.mutate({ code: id, body }, callbacks),
  };
}

/**
 * Edits a drafting rule: whether it is checked, its grade, titles, source and status, and each finding's words
 * (with {placeholders} the check fills — the server refuses one the check does not know) and its own grade.
 */
export function RuleDialog({
  item,
  onClose,
  latest,
}: {
  item: RuleItem;
  onClose: () => void;
  latest: () => Promise<RuleItem[] | undefined>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const dialog = useVersionedSave(keyed(item), usePut(), {
    onClose,
    saved: (s) => t("mlaDirectory.ruleSaved", { number: s.rule.number, version: s.version }),
    latest: async () => (await latest())?.map(keyed),
  });
  const { base, fieldErrors } = dialog;
  const r = base.rule;
  const [f, set] = useFields({
    enabled: base.enabled,
    severity: r.severity as string,
    title_en: r.title_en,
    title_ur: r.title_ur,
    source: r.source,
    status: r.status as string,
    findings: r.findings as Findings,
  });
  const setFinding = (key: string, field: string, value: string | undefined) =>
    set("findings", { ...f.findings, [key]: { ...f.findings[key]!, [field]: value } });

  function submit() {
    const errors: Record<string, string> = {};
    for (const k of ["title_en", "title_ur", "source"] as const)
      if (!f[k].trim()) errors[k] = t("validation.required");
    for (const [key, text] of Object.entries(f.findings))
      for (const field of TEXTS)
        if (!text[field].trim()) errors[`findings.${key}.${field}`] = t("validation.required");
    if (!dialog.check(errors)) return;
    const next = { ...f, findings: f.findings };
    const before = { ...r, enabled: base.enabled };
    dialog.save(changedFields(before, next) as Omit<RulePut, "version">);
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("mlaDirectory.editRule")}
      testId="mla-rule-edit"
      onSubmit={submit}
      intro={
        <DialogIntro code={`${r.number} · ${r.code} · v${base.version}`}>
          <bdi>{locale === "ur" ? r.title_ur : r.title_en}</bdi>
        </DialogIntro>
      }
    >
      <Group grow align="flex-start">
        <Switch
          label={t("mlaDirectory.enabledHelp")}
          checked={f.enabled}
          onChange={(e) => set("enabled", e.currentTarget.checked)}
          data-testid="mla-rule-enabled-input"
        />
        <NativeSelect
          label={t("mlaDirectory.severity")}
          data={SEVERITIES.map((s) => ({ value: s, label: t(`mlaDirectory.severityName.${s}`) }))}
          value={f.severity}
          onChange={(e) => set("severity", e.currentTarget.value)}
          error={fieldErrors.severity}
          data-testid="mla-rule-severity-input"
        />
      </Group>
      <TextInput
        label={t("mlaDirectory.titleEn")}
        lang="en"
        value={f.title_en}
        onChange={(e) => set("title_en", e.currentTarget.value)}
        error={fieldErrors.title_en}
        data-testid="mla-rule-title-en"
      />
      <TextInput
        label={t("mlaDirectory.titleUr")}
        lang="ur"
        dir="rtl"
        value={f.title_ur}
        onChange={(e) => set("title_ur", e.currentTarget.value)}
        error={fieldErrors.title_ur}
        data-testid="mla-rule-title-ur"
      />
      <Textarea
        label={t("mlaDirectory.source")}
        autosize
        minRows={2}
        lang="en"
        value={f.source}
        onChange={(e) => set("source", e.currentTarget.value)}
        error={fieldErrors.source}
        data-testid="mla-rule-source-input"
      />
      <NativeSelect
        label={t("mlaDirectory.status")}
        data={["V", "S", "U"].map((s) => ({ value: s, label: t(`referenceStatus.${s}`) }))}
        value={f.status}
        onChange={(e) => set("status", e.currentTarget.value)}
        error={fieldErrors.status}
        data-testid="mla-rule-status-input"
      />
      <Accordion variant="contained" data-testid="mla-rule-findings">
        {Object.entries(f.findings).map(([key, text]) => (
          <Accordion.Item key={key} value={key}>
            <Accordion.Control>
              <span className="ltr">{key}</span>
            </Accordion.Control>
            <Accordion.Panel>
              <NativeSelect
                label={t("mlaDirectory.findingSeverity")}
                data={[
                  { value: "", label: t("mlaDirectory.asRule") },
                  ...SEVERITIES.map((s) => ({ value: s, label: t(`mlaDirectory.severityName.${s}`) })),
                ]}
                value={text.severity ?? ""}
                onChange={(e) => setFinding(key, "severity", e.currentTarget.value || undefined)}
                data-testid={`finding-${key}-severity`}
              />
              {TEXTS.map((field) => (
                <Textarea
                  key={field}
                  label={t(`mlaDirectory.text.${field}`)}
                  autosize
                  minRows={1}
                  lang={field.endsWith("ur") ? "ur" : "en"}
                  dir={field.endsWith("ur") ? "rtl" : "ltr"}
                  value={text[field]}
                  onChange={(e) => setFinding(key, field, e.currentTarget.value)}
                  error={fieldErrors[`findings.${key}.${field}`]}
                  data-testid={`finding-${key}-${field}`}
                />
              ))}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </FormDialog>
  );
}
