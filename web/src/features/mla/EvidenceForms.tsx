import {
  FileInput,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormDialog, useDialogSave, useFields } from "../../app/FormDialog.tsx";
import { isolate } from "../../app/format.ts";
import {
  CUSTODY_ACTIONS,
  type CustodyAction,
  EVIDENCE_SOURCE_KINDS,
  type EvidenceItem,
  type EvidenceSourceKind,
  localToIso,
  SHA256_PATTERN,
  useAddCustody,
  useAddTypedEvidence,
  useUploadEvidence,
} from "./evidence.api.ts";

/** The dialogs of the evidence card: receive an item (file or typed hash), append custody, record certification. */

/** An instant as a datetime-local value (`YYYY-MM-DDTHH:mm` in the browser's time); now by default. */
export function toLocalInput(d: Date = new Date()): string {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export const ltr = { dir: "ltr" as const, className: "ltr", ff: "monospace" };

export function AddEvidenceDialog({ requestId, onClose }: { requestId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const uploadMutation = useUploadEvidence(requestId);
  const typedMutation = useAddTypedEvidence(requestId);
  const [v, set] = useFields({
    mode: "upload" as "upload" | "typed",
    label: "",
    description: "",
    sourceKind: "provider" as EvidenceSourceKind,
    sourceName: "",
    receivedAt: toLocalInput(),
    receivedBy: "",
    location: "",
    sha256: "",
    sizeBytes: "" as number | string,
    file: null as File | null,
  });
  const saveOptions = { onClose, saved: () => t("mlaEvidence.added") };
  const upload = useDialogSave(uploadMutation, saveOptions);
  const typed = useDialogSave(typedMutation, saveOptions);
  const dialog = v.mode === "upload" ? upload : typed;

  function submit() {
    const errors: Record<string, string> = {};
    if (!v.label.trim()) errors.label = t("validation.required");
    if (!v.sourceName.trim()) errors.sourceName = t("validation.required");
    const receivedAt = localToIso(v.receivedAt);
    if (!receivedAt) errors.receivedAt = t("validation.required");
    const hash = v.sha256.trim();
    if (v.mode === "typed" && !SHA256_PATTERN.test(hash)) errors.sha256 = t("mlaEvidence.badHash");
    if (v.mode === "upload" && hash && !SHA256_PATTERN.test(hash)) errors.sha256 = t("mlaEvidence.badHash");
    if (v.mode === "upload" && !v.file) errors.file = t("validation.required");
    if (!dialog.check(errors) || !receivedAt) return;
    const common = {
      label: v.label.trim(),
      description: v.description.trim(),
      sourceKind: v.sourceKind,
      sourceName: v.sourceName.trim(),
      receivedAt,
      receivedBy: v.receivedBy.trim(),
      location: v.location.trim(),
    };
    if (v.mode === "upload" && v.file) {
      upload.save({ ...common, file: v.file, expectedSha256: hash || undefined });
    } else {
      typed.save({
        ...common,
        sha256: hash,
        sizeBytes: typeof v.sizeBytes === "number" ? v.sizeBytes : undefined,
      });
    }
  }

  const fe = dialog.fieldErrors;
  return (
    <FormDialog dialog={dialog} title={t("mlaEvidence.add")} testId="evidence-add" onSubmit={submit}>
      <SegmentedControl
        value={v.mode}
        onChange={(m) => set("mode", m as "upload" | "typed")}
        data={[
          { value: "upload", label: t("mlaEvidence.modeUpload") },
          { value: "typed", label: t("mlaEvidence.modeTyped") },
        ]}
        data-testid="evidence-mode"
      />
      <TextInput
        label={t("mlaEvidence.label")}
        required
        value={v.label}
        onChange={(e) => set("label", e.currentTarget.value)}
        error={fe.label}
        data-testid="evidence-label"
      />
      <NativeSelect
        label={t("mlaEvidence.sourceKind")}
        data={EVIDENCE_SOURCE_KINDS.map((k) => ({ value: k, label: t(`mlaEvidence.sourceKinds.${k}`) }))}
        value={v.sourceKind}
        onChange={(e) => set("sourceKind", e.currentTarget.value as EvidenceSourceKind)}
        data-testid="evidence-source-kind"
      />
      <TextInput
        label={t("mlaEvidence.sourceName")}
        description={t("mlaEvidence.sourceNameHelp")}
        required
        value={v.sourceName}
        onChange={(e) => set("sourceName", e.currentTarget.value)}
        error={fe.sourceName}
        data-testid="evidence-source-name"
      />
      <TextInput
        type="datetime-local"
        label={t("mlaEvidence.receivedAt")}
        required
        value={v.receivedAt}
        onChange={(e) => set("receivedAt", e.currentTarget.value)}
        error={fe.receivedAt}
        data-testid="evidence-received-at"
      />
      <TextInput
        label={t("mlaEvidence.receivedBy")}
        value={v.receivedBy}
        onChange={(e) => set("receivedBy", e.currentTarget.value)}
        data-testid="evidence-received-by"
      />
      <TextInput
        label={t("mlaEvidence.location")}
        value={v.location}
        onChange={(e) => set("location", e.currentTarget.value)}
        data-testid="evidence-location"
      />
      {v.mode === "upload" && (
        <FileInput
          label={t("mlaEvidence.file")}
          placeholder={t("documents.chooseFile")}
          required
          clearable
          value={v.file}
          onChange={(f) => set("file", f)}
          error={fe.file}
          data-testid="evidence-file"
        />
      )}
      <TextInput
        label={v.mode === "upload" ? t("mlaEvidence.expectedSha256") : t("mlaEvidence.sha256")}
        description={v.mode === "upload" ? t("mlaEvidence.expectedHelp") : t("mlaEvidence.sha256Help")}
        required={v.mode === "typed"}
        value={v.sha256}
        onChange={(e) => set("sha256", e.currentTarget.value)}
        error={fe.sha256 ?? fe.expectedSha256}
        {...ltr}
        data-testid="evidence-sha256-input"
      />
      {v.mode === "typed" && (
        <NumberInput
          label={t("mlaEvidence.sizeBytes")}
          min={0}
          allowDecimal={false}
          value={v.sizeBytes}
          onChange={(n) => set("sizeBytes", n)}
          error={fe.sizeBytes}
          data-testid="evidence-size"
        />
      )}
      <Textarea
        label={t("mlaEvidence.description")}
        autosize
        minRows={2}
        value={v.description}
        onChange={(e) => set("description", e.currentTarget.value)}
        data-testid="evidence-description"
      />
    </FormDialog>
  );
}

export function CustodyDialog({
  requestId,
  item,
  onClose,
}: {
  requestId: string;
  item: EvidenceItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useDialogSave(useAddCustody(requestId), {
    onClose,
    saved: () => t("mlaEvidence.custodyAdded"),
  });
  const [v, set] = useFields({
    action: "transferred" as CustodyAction,
    at: toLocalInput(),
    fromHolder: item.custody.at(-1)?.toHolder ?? "",
    toHolder: "",
    location: "",
    note: "",
    observedSha256: "",
  });
  const checksHash = v.action === "examined" || v.action === "verified";

  function submit() {
    const errors: Record<string, string> = {};
    const at = localToIso(v.at);
    if (!at) errors.at = t("validation.required");
    if (v.action === "transferred" && !v.fromHolder.trim()) errors.fromHolder = t("validation.required");
    if (v.action === "transferred" && !v.toHolder.trim()) errors.toHolder = t("validation.required");
    const observed = v.observedSha256.trim();
    if (observed && !SHA256_PATTERN.test(observed)) errors.observedSha256 = t("mlaEvidence.badHash");
    if (!dialog.check(errors)) return;
    dialog.save({
      itemId: item.id,
      action: v.action,
      at,
      fromHolder: v.fromHolder.trim(),
      toHolder: v.toHolder.trim(),
      location: v.location.trim(),
      note: v.note.trim(),
      observedSha256: checksHash && !item.file && observed ? observed : undefined,
    });
  }

  const fe = dialog.fieldErrors;
  return (
    <FormDialog
      dialog={dialog}
      title={t("mlaEvidence.addCustody")}
      intro={isolate(item.label)}
      testId="custody-add"
      onSubmit={submit}
    >
      <NativeSelect
        label={t("mlaEvidence.action")}
        data={CUSTODY_ACTIONS.map((a) => ({ value: a, label: t(`mlaEvidence.actions.${a}`) }))}
        value={v.action}
        onChange={(e) => set("action", e.currentTarget.value as CustodyAction)}
        data-testid="custody-action"
      />
      {checksHash && item.file && (
        <Text size="sm" c="dimmed" data-testid="custody-rehash-note">
          {t("mlaEvidence.rehashNote")}
        </Text>
      )}
      <TextInput
        type="datetime-local"
        label={t("mlaEvidence.at")}
        value={v.at}
        onChange={(e) => set("at", e.currentTarget.value)}
        error={fe.at}
        data-testid="custody-at"
      />
      <TextInput
        label={t("mlaEvidence.fromHolder")}
        value={v.fromHolder}
        onChange={(e) => set("fromHolder", e.currentTarget.value)}
        error={fe.fromHolder}
        data-testid="custody-from"
      />
      <TextInput
        label={t("mlaEvidence.toHolder")}
        value={v.toHolder}
        onChange={(e) => set("toHolder", e.currentTarget.value)}
        error={fe.toHolder}
        data-testid="custody-to"
      />
      <TextInput
        label={t("mlaEvidence.location")}
        value={v.location}
        onChange={(e) => set("location", e.currentTarget.value)}
        data-testid="custody-location"
      />
      {checksHash && !item.file && (
        <TextInput
          label={t("mlaEvidence.observedSha256")}
          description={t("mlaEvidence.observedHelp")}
          value={v.observedSha256}
          onChange={(e) => set("observedSha256", e.currentTarget.value)}
          error={fe.observedSha256}
          {...ltr}
          data-testid="custody-observed"
        />
      )}
      <Textarea
        label={t("mlaEvidence.note")}
        autosize
        minRows={2}
        value={v.note}
        onChange={(e) => set("note", e.currentTarget.value)}
        data-testid="custody-note"
      />
    </FormDialog>
  );
}
