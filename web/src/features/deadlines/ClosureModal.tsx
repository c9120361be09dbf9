import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { changedFields, FormDialog, useFields, useVersionedSave } from "../../app/FormDialog.tsx";
import { formatDate, useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { NameFields } from "../reference/NameFields.tsx";
import {
  CLOSURE_KINDS,
  type Closure,
  type ClosureInput,
  type SourceStatus,
  useCreateClosure,
  useDeleteClosure,
  useUpdateClosure,
} from "./api.ts";
import { CourtSelect, SourceFields } from "./calendarFields.tsx";

type Kind = Closure["kind"];
type Vars = ClosureInput & { id: string; version: number };

/** One mutation for the dialog: a new closure is created (id "" and version 0 are dropped), else updated. */
function useSaveClosure() {
  const create = useCreateClosure();
  const update = useUpdateClosure();
  return {
    isPending: create.isPending || update.isPending,
    mutate: (vars: Vars, callbacks: { onSuccess: (c: Closure) => void; onError: (e: unknown) => void }) => {
      if (vars.id) {
        update.mutate(vars, callbacks);
      } else {
        const { id: _id, version: _version, ...body } = vars;
        create.mutate(body, callbacks);
      }
    },
  };
}

const EMPTY = { id: "", version: 0 };

/**
 * Adds a closure (a gazetted holiday or a vacation, for one court or every court) or edits one. The server
 * takes the whole record on an edit, so every field is sent once anything changed.
 */
export function ClosureModal({
  closure,
  defaults,
  onClose,
  latest,
}: {
  closure: Closure | null;
  /** For a new closure: the court and the day the page is showing. */
  defaults: { courtId: string; startsOn: string };
  onClose: () => void;
  latest: () => Promise<Closure[] | undefined>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const dialog = useVersionedSave(closure ?? { ...EMPTY }, useSaveClosure(), {
    onClose,
    saved: (saved) =>
      t("calendar.closureSaved", { name: saved.nameEn, from: formatDate(saved.startsOn, locale) }),
    latest: closure ? latest : undefined,
  });
  const { fieldErrors } = dialog;
  const base = closure ?? null;
  const initial = {
    courtId: base ? (base.court?.id ?? "") : defaults.courtId,
    startsOn: base?.startsOn ?? defaults.startsOn,
    endsOn: base?.endsOn ?? defaults.startsOn,
    nameEn: base?.nameEn ?? "",
    nameUr: base?.nameUr ?? "",
    kind: (base?.kind ?? "holiday") as Kind,
    source: base?.source ?? "",
    status: (base?.status ?? "S") as SourceStatus,
  };
  const [f, set] = useFields(initial);

  function submit() {
    const errors: Record<string, string> = {};
    if (!f.nameEn.trim()) errors.nameEn = t("validation.required");
    if (!f.source.trim()) errors.source = t("validation.required");
    if (!f.startsOn) errors.startsOn = t("validation.required");
    if (!f.endsOn) errors.endsOn = t("validation.required");
    if (f.startsOn && f.endsOn && f.endsOn < f.startsOn) errors.endsOn = t("calendar.endsBeforeStart");
    if (!dialog.check(errors)) return;
    const body: ClosureInput = {
      courtId: f.courtId || null,
      startsOn: f.startsOn,
      endsOn: f.endsOn,
      nameEn: f.nameEn.trim(),
      nameUr: f.nameUr.trim(),
      kind: f.kind,
      source: f.source.trim(),
      status: f.status,
    };
    const changed = Object.keys(changedFields(initial, { ...f, nameEn: body.nameEn, nameUr: body.nameUr }));
    if (closure && changed.length === 0) {
      onClose();
      return;
    }
    dialog.save(body);
  }

  return (
    <FormDialog
      dialog={dialog}
      title={closure ? t("calendar.editClosure") : t("calendar.addClosure")}
      testId="closure"
      onSubmit={submit}
    >
      <CourtSelect
        label={t("calendar.court")}
        emptyLabel={t("calendar.everyCourt")}
        value={f.courtId}
        onChange={(v) => set("courtId", v)}
        error={fieldErrors.courtId}
        testId="closure-court"
      />
      <Group grow align="flex-start" gap="xs">
        <TextInput
          type="date"
          required
          label={t("calendar.startsOn")}
          value={f.startsOn}
          onChange={(e) => set("startsOn", e.currentTarget.value)}
          error={fieldErrors.startsOn}
          data-testid="closure-starts"
        />
        <TextInput
          type="date"
          required
          label={t("calendar.endsOn")}
          value={f.endsOn}
          onChange={(e) => set("endsOn", e.currentTarget.value)}
          error={fieldErrors.endsOn}
          data-testid="closure-ends"
        />
        <NativeSelect
          label={t("calendar.kind")}
          data={CLOSURE_KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))}
          value={f.kind}
          onChange={(e) => set("kind", e.currentTarget.value as Kind)}
          data-testid="closure-kind"
        />
      </Group>
      <NameFields
        nameEn={f.nameEn}
        nameUr={f.nameUr}
        onChange={set}
        errors={fieldErrors}
        testIdPrefix="closure-name"
      />
      <SourceFields
        source={f.source}
        status={f.status}
        onChange={(k, v) => set(k, v as never)}
        errors={fieldErrors}
        testIdPrefix="closure"
      />
    </FormDialog>
  );
}

/** Asks before deleting a closure; the deletion carries the version read. */
export function ClosureDeleteModal({ closure, onClose }: { closure: Closure; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const mutation = useDeleteClosure();
  const { problem, fail } = useProblem();
  return (
    <Modal opened onClose={onClose} title={t("calendar.deleteClosure")}>
      <Stack gap="sm" data-testid="closure-delete-form">
        <ProblemAlert error={problem} testId="closure-delete-error" />
        <Text size="sm">
          {t("calendar.deleteConfirm", {
            name: closure.nameEn,
            from: formatDate(closure.startsOn, locale),
            to: formatDate(closure.endsOn, locale),
          })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            color="red"
            loading={mutation.isPending}
            onClick={() =>
              mutation.mutate(
                { id: closure.id, version: closure.version },
                {
                  onSuccess: () => {
                    notifications.show({ color: "teal", message: t("calendar.closureDeleted") });
                    onClose();
                  },
                  onError: fail,
                },
              )
            }
            data-testid="closure-delete-submit"
          >
            {t("calendar.delete")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
