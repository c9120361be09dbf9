import { NativeSelect, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormDialog, useDialogSave, useFields } from "../../app/FormDialog.tsx";
import { isolate } from "../../app/format.ts";
import { toLocalInput } from "./EvidenceForms.tsx";
import {
  CERTIFICATION_KINDS,
  type CertificationKind,
  type EvidenceItem,
  localToIso,
  useCertify,
} from "./evidence.api.ts";

/** Recording an item's certification (the Central Authority's own only by it, Act s.4). */
export function CertificationDialog({
  requestId,
  item,
  mayCertifyAsCa,
  onClose,
}: {
  requestId: string;
  item: EvidenceItem;
  mayCertifyAsCa: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useDialogSave(useCertify(requestId), {
    onClose,
    saved: () => t("mlaEvidence.certifiedSaved"),
  });
  const c = item.certification;
  const [v, set] = useFields({
    kind: c.kind as CertificationKind,
    certifiedBy: c.certifiedBy ?? "",
    certifiedAt: c.certifiedAt ? toLocalInput(new Date(c.certifiedAt)) : toLocalInput(),
    note: c.note,
  });
  // Act s.4: only the Central Authority records its own certificate; others see the option, disabled
  const kinds = CERTIFICATION_KINDS.map((k) => ({
    value: k,
    label: t(`mlaEvidence.certKinds.${k}`),
    disabled: k === "central_authority_certificate" && !mayCertifyAsCa,
  }));

  function submit() {
    const errors: Record<string, string> = {};
    const certifiedAt = localToIso(v.certifiedAt);
    if (v.kind !== "none" && !v.certifiedBy.trim()) errors.certifiedBy = t("validation.required");
    if (v.kind !== "none" && !certifiedAt) errors.certifiedAt = t("validation.required");
    if (!dialog.check(errors)) return;
    dialog.save({
      itemId: item.id,
      version: item.version,
      kind: v.kind,
      certifiedBy: v.kind === "none" ? "" : v.certifiedBy.trim(),
      certifiedAt: v.kind === "none" ? undefined : certifiedAt,
      note: v.note.trim(),
    });
  }

  const fe = dialog.fieldErrors;
  return (
    <FormDialog
      dialog={dialog}
      title={t("mlaEvidence.certify")}
      intro={isolate(item.label)}
      testId="certify"
      onSubmit={submit}
    >
      <NativeSelect
        label={t("mlaEvidence.certKind")}
        data={kinds}
        value={v.kind}
        onChange={(e) => set("kind", e.currentTarget.value as CertificationKind)}
        data-testid="certify-kind"
      />
      {v.kind !== "none" && (
        <>
          <TextInput
            label={t("mlaEvidence.certifiedBy")}
            required
            value={v.certifiedBy}
            onChange={(e) => set("certifiedBy", e.currentTarget.value)}
            error={fe.certifiedBy}
            data-testid="certify-by"
          />
          <TextInput
            type="datetime-local"
            label={t("mlaEvidence.certifiedAt")}
            required
            value={v.certifiedAt}
            onChange={(e) => set("certifiedAt", e.currentTarget.value)}
            error={fe.certifiedAt}
            data-testid="certify-at"
          />
        </>
      )}
      <Textarea
        label={t("mlaEvidence.note")}
        autosize
        minRows={2}
        value={v.note}
        onChange={(e) => set("note", e.currentTarget.value)}
        data-testid="certify-note"
      />
    </FormDialog>
  );
}
