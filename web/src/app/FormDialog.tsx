import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, type ReactNode, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "./api.ts";
import { type FieldErrors, ProblemAlert, useProblem } from "./forms.tsx";
import { StaleReload } from "./StaleReload.tsx";

/**
 * The plumbing the administration dialogs share (create and edit an organisation, a court, a bench, a case type,
 * a user): the form's values, the last problem and its field errors, sending the mutation, and on success a
 * notification and closing; for edits, the version the edit is based on and the reload after a 409.
 */

/** The form's values and a setter for one field. */
export function useFields<T extends object>(initial: T) {
  const [values, setValues] = useState(initial);
  const set = useCallback(
    <K extends keyof T>(key: K, value: T[K]) => setValues((prev) => ({ ...prev, [key]: value })),
    [],
  );
  return [values, set] as const;
}

/** What the dialogs need of a TanStack mutation. */
type MutationLike<V, R> = {
  mutate: (vars: V, callbacks: { onSuccess: (result: R) => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
};

type SaveOptions<R> = {
  onClose: () => void;
  /** The notification shown after saving. */
  saved: (result: R) => string;
  /** On a 409 `code_taken`: the message to show under the `code` field. */
  codeTaken?: () => string;
};

/** Sends a dialog's mutation; `check` first clears the last problem and shows any errors found before sending. */
export function useDialogSave<V, R>(
  mutation: MutationLike<V, R>,
  { onClose, saved, codeTaken }: SaveOptions<R>,
) {
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();

  /** Clears the last problem; with errors found in the browser, shows them and returns false. */
  function check(errors: FieldErrors = {}): boolean {
    clear();
    if (Object.keys(errors).length === 0) return true;
    setFieldErrors(errors);
    return false;
  }

  function save(vars: V) {
    mutation.mutate(vars, {
      onSuccess: (result) => {
        notifications.show({ color: "teal", message: saved(result) });
        onClose();
      },
      onError: (error) => {
        fail(error);
        if (codeTaken && isApiError(error) && error.code === "code_taken") {
          setFieldErrors({ code: codeTaken() });
        }
      },
    });
  }

  return {
    problem,
    fieldErrors,
    pending: mutation.isPending,
    onClose,
    clear,
    check,
    save,
  };
}

type Versioned = { id: string; version: number };

/**
 * Edits a record that carries a version. The edit is based on the version read (`base`); `save(changes)` sends
 * only the changed fields with that version, or just closes when nothing changed. When `latest` is given, a
 * 409 `stale_version` offers a reload: it moves `base` on to the latest version and keeps what was typed.
 */
export function useVersionedSave<T extends Versioned, V extends Versioned, R>(
  record: T,
  mutation: MutationLike<V, R>,
  options: SaveOptions<R> & { latest?: () => Promise<T[] | undefined> },
) {
  const [base, setBase] = useState(record);
  const dialog = useDialogSave(mutation, options);
  const { latest } = options;
  const reload = latest
    ? async () => {
        const found = (await latest())?.find((r) => r.id === base.id);
        if (found) setBase(found);
        dialog.clear();
      }
    : undefined;

  function save(changes: Omit<V, keyof Versioned>) {
    if (Object.keys(changes).length === 0) {
      options.onClose();
      return;
    }
    dialog.save({ ...changes, id: base.id, version: base.version } as V);
  }

  return { ...dialog, base, reload, save };
}

/** The fields of `next` whose value differs from the same field of `base` (arrays compare by content). */
export function changedFields<T extends object>(base: object, next: T): Partial<T> {
  const before = base as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])),
  ) as Partial<T>;
}

type Dialog = {
  problem: unknown;
  fieldErrors: FieldErrors;
  pending: boolean;
  onClose: () => void;
  reload?: () => Promise<void>;
};

/**
 * The dialog around an administration form: title, an optional line about the record, the problem alert (with
 * the reload offer on a stale version), the fields, and Cancel / submit. `testId` names the parts:
 * `org-edit` gives `org-edit-form`, `org-edit-error`, `org-edit-reload` and `org-edit-submit`.
 */
export function FormDialog({
  dialog,
  title,
  testId,
  onSubmit,
  intro,
  submitLabel,
  children,
}: {
  dialog: Dialog;
  title: string;
  testId: string;
  onSubmit: () => void;
  intro?: ReactNode;
  submitLabel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { problem, fieldErrors, pending, onClose, reload } = dialog;
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
        data-testid={`${testId}-form`}
      >
        <Stack gap="sm">
          {intro}
          <ProblemAlert error={problem} testId={`${testId}-error`} shown={(k) => k in fieldErrors}>
            {reload && <StaleReload error={problem} onReload={reload} testId={`${testId}-reload`} />}
          </ProblemAlert>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending} data-testid={`${testId}-submit`}>
              {submitLabel ?? t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The dimmed line under a dialog's title naming the record: its code (left to right), then what it is. */
export function DialogIntro({ code, children }: { code: string; children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      <span className="ltr">{code}</span> · {children}
    </Text>
  );
}
