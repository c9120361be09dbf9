import { Anchor, Button, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { isApiError } from "../../app/api.ts";
import { ltrIsolate } from "../../app/format.ts";
import { ProblemAlert, QueryError, useProblem } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import { useCase, useCreateCase, useUpdateCase } from "./api.ts";
import { CaseForm } from "./CaseForm.tsx";
import {
  type CaseFormState,
  caseFormFromDetail,
  caseFormPatch,
  caseFormToInput,
  emptyCaseForm,
  validateCaseForm,
} from "./caseForm.ts";
import type { CaseDetail } from "./types.ts";

function rebase(before: CaseFormState, current: CaseFormState, fresh: CaseFormState): CaseFormState {
  const out = { ...fresh } as Record<string, unknown>;
  for (const key of Object.keys(current) as (keyof CaseFormState)[]) {
    const mine = key === "parties" ? current.parties.map(({ key: _k, ...p }) => p) : current[key];
    const base = key === "parties" ? before.parties.map(({ key: _k, ...p }) => p) : before[key];
    if (JSON.stringify(mine) !== JSON.stringify(base)) out[key] = current[key];
  }
  return out as CaseFormState;
}

/** /cases/new and /cases/:id/edit. */
export function CaseFormPage() {
  const { id } = useParams();
  const existing = useCase(id);
  const { t } = useTranslation();
  if (!id) return <CaseEditor />;
  if (existing.isPending) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  if (existing.isError) return <QueryError error={existing.error} />;
  if (!existing.data.abilities.edit) return <NotFound message={t("errors.cannotEdit")} />;
  return <CaseEditor existing={existing.data} onReload={() => existing.refetch()} />;
}

function CaseEditor({ existing, onReload }: { existing?: CaseDetail; onReload?: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const showOrganisation = me.abilities.viewAllCases && !existing;
  const [initial, setInitial] = useState<CaseFormState>(() =>
    existing ? caseFormFromDetail(existing) : emptyCaseForm(me.organisation.id),
  );
  const [form, setForm] = useState<CaseFormState>(initial);
  const initialRef = useRef(initial);
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();
  const create = useCreateCase();
  const update = useUpdateCase(existing?.id ?? "");
  const busy = create.isPending || update.isPending;

  // When the case is reloaded (after a stale-version conflict), the user's own edits are kept on top of the
  // latest version: fields they changed keep their value, every other field takes the server's.
  useEffect(() => {
    if (!existing) return;
    const fresh = caseFormFromDetail(existing);
    const before = initialRef.current;
    initialRef.current = fresh;
    setInitial(fresh);
    setForm((current) => rebase(before, current, fresh));
  }, [existing]);

  if (!existing && !me.abilities.registerCases) return <NotFound message={t("errors.cannotRegister")} />;

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const local = validateCaseForm(form, t);
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      notifications.show({ color: "red", message: t("validation.fixFields") });
      return;
    }
    const done = (detail: CaseDetail) => {
      notifications.show({ color: "teal", message: existing ? t("cases.saved") : t("cases.created") });
      navigate(`/cases/${detail.id}`);
    };
    if (existing) {
      const changes = caseFormPatch(initial, form, false);
      if (Object.keys(changes).length === 0) {
        navigate(`/cases/${existing.id}`);
        return;
      }
      update.mutate({ version: existing.version, ...changes }, { onSuccess: done, onError: fail });
    } else {
      create.mutate(caseFormToInput(form, showOrganisation), { onSuccess: done, onError: fail });
    }
  }

  async function reload() {
    await onReload?.();
    clear();
  }

  const existingCaseId = isApiError(problem) ? problem.problem.existingCaseId : undefined;
  const shown = (key: string) =>
    key in fieldErrors && (key !== "organisationId" || showOrganisation) && !key.startsWith("flags");

  return (
    <form onSubmit={submit} noValidate data-testid="case-form">
      <Stack gap="md" maw={1100}>
        <Group justify="space-between">
          <Title order={1} size="h2">
            {existing
              ? t("cases.editTitle", { number: ltrIsolate(existing.displayNumber) })
              : t("cases.newTitle")}
          </Title>
        </Group>
        <ProblemAlert error={problem} testId="case-form-error" shown={shown}>
          {problem?.code === "duplicate_case" && typeof existingCaseId === "string" && (
            <Text mt="xs">
              <Anchor component={Link} to={`/cases/${existingCaseId}`} data-testid="duplicate-case-link">
                {t("cases.openExisting", { number: ltrIsolate(String(problem.problem.displayNumber ?? "")) })}
              </Anchor>
            </Text>
          )}
          {problem?.code === "stale_version" && (
            <Text mt="xs">
              {t("cases.staleHelp")}{" "}
              <Anchor
                component="button"
                type="button"
                onClick={() => void reload()}
                data-testid="case-reload"
              >
                {t("common.reload")}
              </Anchor>
            </Text>
          )}
        </ProblemAlert>
        <CaseForm value={form} onChange={setForm} errors={fieldErrors} showOrganisation={showOrganisation} />
        <Group>
          <Button type="submit" loading={busy} data-testid="case-submit">
            {existing ? t("common.save") : t("cases.register")}
          </Button>
          <Button
            variant="default"
            component={Link}
            to={existing ? `/cases/${existing.id}` : "/cases"}
            data-testid="case-cancel"
          >
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
