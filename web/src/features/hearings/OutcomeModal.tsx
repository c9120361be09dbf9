import { Button, FileInput, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, useLocale } from "../../app/format.ts";
import { type FieldErrors, ProblemAlert, useProblem } from "../../app/forms.tsx";
import { useEnumOptions } from "../cases/labels.tsx";
import { OUTCOMES, type Outcome } from "../cases/types.ts";
import { ACCEPT_ATTR, ACCEPTED_TYPES, useUpload } from "../documents/api.ts";
import {
  ADJOURNMENT_SIDES,
  type AdjournmentSide,
  HEARING_OUTCOMES,
  type Hearing,
  type HearingOutcome,
  timeOrNull,
  useRecordOutcome,
} from "./api.ts";

type Props = { hearing: Hearing; canUpload: boolean; onClose: () => void };

/**
 * Records what happened at a scheduled hearing. An adjournment needs its reason and the side it is attributed
 * to, a decision its result; every outcome but a decision or a reserved judgment needs the next date, which
 * becomes the next hearing. An order sheet, if given, is first uploaded as a document (kind `order`) of the
 * case and then referred to by its id; a retry after a refused outcome does not upload it again.
 */
export function OutcomeModal({ hearing: h, canUpload, onClose }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const record = useRecordOutcome(h.caseId);
  const upload = useUpload(h.caseId);
  const { problem, fieldErrors, fail, clear, clearField, setFieldErrors } = useProblem();
  const [outcome, setOutcome] = useState<HearingOutcome | "">("");
  const [reason, setReason] = useState("");
  const [side, setSide] = useState<AdjournmentSide | "">("");
  const [result, setResult] = useState<Outcome | "">("");
  const [coram, setCoram] = useState(h.coram);
  const [appeared, setAppeared] = useState("");
  const [nextDate, setNextDate] = useState("");
  const [nextTime, setNextTime] = useState("");
  const [nextPurpose, setNextPurpose] = useState("");
  const [notes, setNotes] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<{ file: File; id: string } | null>(null);

  const choose = { value: "", label: t("common.choose") };
  const outcomeOptions = [choose, ...useEnumOptions(HEARING_OUTCOMES, "hearings.outcomes")];
  const sideOptions = [choose, ...useEnumOptions(ADJOURNMENT_SIDES, "hearings.sides")];
  const resultOptions = [choose, ...useEnumOptions(OUTCOMES, "outcome")];
  const adjourned = outcome === "adjourned";
  const decided = outcome === "decided";
  const nextRequired = outcome !== "" && !decided && outcome !== "reserved";

  function check(): FieldErrors {
    const errors: FieldErrors = {};
    const required = t("validation.required");
    if (!outcome) errors.outcome = required;
    if (adjourned && !reason.trim()) errors.adjournmentReason = required;
    if (adjourned && !side) errors.adjournedAtRequestOf = required;
    if (decided && !result) errors.result = required;
    if (nextRequired && !nextDate) errors.nextDate = required;
    if (file?.type && !ACCEPTED_TYPES.includes(file.type))
      errors.orderSheetDocumentId = t("documents.badType");
    return errors;
  }

  /** The order sheet's document id: uploaded now, or the one uploaded by an earlier attempt. */
  async function orderSheetId(): Promise<string | null> {
    if (!file) return null;
    if (uploaded?.file === file) return uploaded.id;
    const title = t("hearings.orderSheetTitle", { date: formatDate(h.date, locale) });
    const doc = await upload.mutateAsync({ kind: "order", title, file });
    setUploaded({ file, id: doc.id });
    return doc.id;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const errors = check();
    if (Object.keys(errors).length > 0 || !outcome) {
      setFieldErrors(errors);
      return;
    }
    let orderSheetDocumentId: string | null;
    try {
      orderSheetDocumentId = await orderSheetId();
    } catch (error) {
      fail(error);
      return;
    }
    record.mutate(
      {
        id: h.id,
        body: {
          version: h.version,
          outcome,
          coram: coram.trim(),
          appeared: appeared.trim(),
          adjournmentReason: adjourned ? reason.trim() : "",
          adjournedAtRequestOf: adjourned && side ? side : null,
          result: decided && result ? result : null,
          nextDate: !decided && nextDate ? nextDate : null,
          nextTime: !decided && nextDate ? timeOrNull(nextTime) : null,
          nextPurpose: !decided && nextDate ? nextPurpose.trim() : "",
          orderSheetDocumentId,
          notes: notes.trim(),
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("hearings.recordedMessage") });
          onClose();
        },
        onError: fail,
      },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t("hearings.recordTitle", { date: formatDate(h.date, locale) })}
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="hearing-outcome-modal">
        <Stack gap="sm">
          <ProblemAlert error={problem} testId="hearing-outcome-error" shown={(k) => k in fieldErrors} />
          <NativeSelect
            label={t("hearings.outcome")}
            required
            data={outcomeOptions}
            value={outcome}
            onChange={(e) => {
              clearField("outcome");
              setOutcome(e.currentTarget.value as HearingOutcome | "");
            }}
            error={fieldErrors.outcome}
            data-autofocus
            data-testid="hearing-outcome"
          />
          {adjourned && (
            <>
              <Textarea
                label={t("hearings.adjournReason")}
                required
                autosize
                minRows={2}
                value={reason}
                onChange={(e) => {
                  clearField("adjournmentReason");
                  setReason(e.currentTarget.value);
                }}
                error={fieldErrors.adjournmentReason}
                data-testid="hearing-adjourn-reason"
              />
              <NativeSelect
                label={t("hearings.adjournSide")}
                required
                data={sideOptions}
                value={side}
                onChange={(e) => {
                  clearField("adjournedAtRequestOf");
                  setSide(e.currentTarget.value as AdjournmentSide | "");
                }}
                error={fieldErrors.adjournedAtRequestOf}
                data-testid="hearing-adjourn-side"
              />
            </>
          )}
          {decided && (
            <NativeSelect
              label={t("hearings.result")}
              required
              data={resultOptions}
              value={result}
              onChange={(e) => {
                clearField("result");
                setResult(e.currentTarget.value as Outcome | "");
              }}
              error={fieldErrors.result}
              data-testid="hearing-result"
            />
          )}
          <TextInput
            label={t("hearings.coram")}
            value={coram}
            onChange={(e) => {
              clearField("coram");
              setCoram(e.currentTarget.value);
            }}
            error={fieldErrors.coram}
            data-testid="hearing-outcome-coram"
          />
          <Textarea
            label={t("hearings.appeared")}
            placeholder={t("hearings.appearedPlaceholder")}
            autosize
            minRows={2}
            value={appeared}
            onChange={(e) => {
              clearField("appeared");
              setAppeared(e.currentTarget.value);
            }}
            error={fieldErrors.appeared}
            data-testid="hearing-appeared"
          />
          {!decided && (
            <>
              <Group grow align="flex-start" gap="xs">
                <TextInput
                  type="date"
                  label={t("hearings.nextDate")}
                  description={t("hearings.nextHint")}
                  required={nextRequired}
                  value={nextDate}
                  onChange={(e) => {
                    clearField("nextDate");
                    setNextDate(e.currentTarget.value);
                  }}
                  error={fieldErrors.nextDate}
                  data-testid="hearing-next-date"
                />
                <TextInput
                  type="time"
                  label={t("hearings.nextTime")}
                  value={nextTime}
                  onChange={(e) => {
                    clearField("nextTime");
                    setNextTime(e.currentTarget.value);
                  }}
                  error={fieldErrors.nextTime}
                  classNames={{ input: "ltr" }}
                  data-testid="hearing-next-time"
                />
              </Group>
              <TextInput
                label={t("hearings.nextPurpose")}
                placeholder={t("hearings.purposePlaceholder")}
                value={nextPurpose}
                onChange={(e) => {
                  clearField("nextPurpose");
                  setNextPurpose(e.currentTarget.value);
                }}
                error={fieldErrors.nextPurpose}
                data-testid="hearing-next-purpose"
              />
            </>
          )}
          {canUpload && (
            <FileInput
              label={t("hearings.orderSheet")}
              description={t("hearings.orderSheetHint")}
              placeholder={t("documents.chooseFile")}
              clearable
              accept={ACCEPT_ATTR}
              value={file}
              onChange={(f) => {
                clearField("orderSheetDocumentId");
                setFile(f);
              }}
              error={fieldErrors.orderSheetDocumentId}
              data-testid="hearing-order-sheet"
            />
          )}
          <Textarea
            label={t("hearings.notes")}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => {
              clearField("notes");
              setNotes(e.currentTarget.value);
            }}
            error={fieldErrors.notes}
            data-testid="hearing-notes"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={upload.isPending || record.isPending}
              data-testid="hearing-outcome-save"
            >
              {t("hearings.recordSave")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
