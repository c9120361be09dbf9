import { Group, NativeSelect, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CodedSelect } from "../../app/CodedSelect.tsx";
import {
  changedFields,
  DialogIntro,
  FormDialog,
  useFields,
  useVersionedSave,
} from "../../app/FormDialog.tsx";
import { formatDate, useLocale } from "../../app/format.ts";
import { type Deadline, type DeadlinePatch, useLimitationRules, usePatchDeadline } from "./api.ts";
import { useRuleOptions } from "./DeadlineEventForm.tsx";

type Props = {
  d: Deadline;
  onClose: () => void;
  /** The case's deadlines as they are now, for the reload offered on a 409. */
  latest: () => Promise<Deadline[] | undefined>;
};

/** usePatchDeadline in the shape the versioned dialogs send: `{ id, version, ...changes }`. */
function usePatch(caseId: string) {
  const m = usePatchDeadline(caseId);
  return {
    isPending: m.isPending,
    mutate: (
      { id, ...body }: DeadlinePatch & { id: string },
      callbacks: { onSuccess: (r: Deadline) => void; onError: (e: unknown) => void },
    ) => m.mutate({ id, body }, callbacks),
  };
}

const orNull = (s: string) => (s ? s : null);

/**
 * The certified-copy dates (s.12(2): the days from applying to the copy being ready are excluded where the
 * rule allows it) and, for an appeal, the rule; the server recomputes the deadline. Sends only what changed.
 */
export function DeadlineEditModal({ d, onClose, latest }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const dialog = useVersionedSave(d, usePatch(d.caseId), {
    onClose,
    saved: (saved) => t("deadlines.saved", { date: formatDate(saved.legalDueOn, locale) }),
    latest,
  });
  const { base, fieldErrors } = dialog;
  const appeal = base.kind === "appeal";
  const rules = useLimitationRules(appeal);
  const ruleOptions = useRuleOptions(rules.data, t("common.choose"));
  const [f, set] = useFields({
    copyAppliedOn: base.copyAppliedOn ?? "",
    copyReadyOn: base.copyReadyOn ?? "",
    ruleCode: base.rule?.code ?? "",
  });

  function submit() {
    const errors: Record<string, string> = {};
    if (f.copyReadyOn && !f.copyAppliedOn) errors.copyAppliedOn = t("deadlines.appliedFirst");
    if (f.copyReadyOn && f.copyAppliedOn && f.copyReadyOn < f.copyAppliedOn) {
      errors.copyReadyOn = t("deadlines.readyAfterApplied");
    }
    if (!dialog.check(errors)) return;
    const changes = changedFields(
      { copyAppliedOn: base.copyAppliedOn, copyReadyOn: base.copyReadyOn, ruleCode: base.rule?.code ?? "" },
      { copyAppliedOn: orNull(f.copyAppliedOn), copyReadyOn: orNull(f.copyReadyOn), ruleCode: f.ruleCode },
    );
    if (changes.ruleCode === "") delete changes.ruleCode;
    dialog.save(changes as Omit<DeadlinePatch, "version">);
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("deadlines.editTitle")}
      testId="deadline-edit"
      onSubmit={submit}
      intro={<DialogIntro code={base.caseNumber}>{base.title}</DialogIntro>}
    >
      <Group grow align="flex-start" gap="xs">
        <TextInput
          type="date"
          label={t("deadlines.copyAppliedOn")}
          value={f.copyAppliedOn}
          onChange={(e) => set("copyAppliedOn", e.currentTarget.value)}
          error={fieldErrors.copyAppliedOn}
          data-testid="deadline-copy-applied"
        />
        <TextInput
          type="date"
          label={t("deadlines.copyReadyOn")}
          value={f.copyReadyOn}
          onChange={(e) => set("copyReadyOn", e.currentTarget.value)}
          error={fieldErrors.copyReadyOn}
          data-testid="deadline-copy-ready"
        />
      </Group>
      {appeal && (
        <CodedSelect
          label={t("deadlines.rule")}
          options={ruleOptions}
          value={f.ruleCode}
          onChange={(e) => set("ruleCode", e.currentTarget.value)}
          error={fieldErrors.ruleCode}
          data-testid="deadline-edit-rule"
        />
      )}
    </FormDialog>
  );
}

const CLOSING = ["met", "missed", "cancelled"] as const;
type Closing = (typeof CLOSING)[number];

/** Closes a deadline: met (filed in time), missed, or cancelled (e.g. no appeal lies), with a note. */
export function DeadlineCloseModal({ d, onClose, latest }: Props) {
  const { t } = useTranslation();
  const dialog = useVersionedSave(d, usePatch(d.caseId), {
    onClose,
    saved: (saved) => t("deadlines.closedSaved", { state: t(`deadlines.states.${saved.state}`) }),
    latest,
  });
  const { base, fieldErrors } = dialog;
  const [f, set] = useFields<{ state: Closing; note: string }>({ state: "met", note: "" });

  function submit() {
    const note = f.note.trim();
    // A missed or cancelled deadline says why; a met one may.
    if (!dialog.check(note || f.state === "met" ? {} : { note: t("validation.required") })) return;
    dialog.save({ state: f.state, ...(note ? { note } : {}) });
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("deadlines.closeTitle")}
      testId="deadline-close"
      onSubmit={submit}
      submitLabel={t("deadlines.close")}
      intro={<DialogIntro code={base.caseNumber}>{base.title}</DialogIntro>}
    >
      <NativeSelect
        label={t("deadlines.closeAs")}
        data={CLOSING.map((s) => ({ value: s, label: t(`deadlines.closeStates.${s}`) }))}
        value={f.state}
        onChange={(e) => set("state", e.currentTarget.value as Closing)}
        error={fieldErrors.state}
        data-testid="deadline-close-state"
      />
      <Textarea
        label={t("deadlines.note")}
        description={t("deadlines.noteHelp")}
        required={f.state !== "met"}
        autosize
        minRows={2}
        maxLength={1000}
        value={f.note}
        onChange={(e) => set("note", e.currentTarget.value)}
        error={fieldErrors.note}
        data-testid="deadline-close-note"
      />
    </FormDialog>
  );
}
