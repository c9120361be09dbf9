import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Divider,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { isApiError } from "../../../app/api.ts";
import { ProblemAlert, QueryError, useProblem } from "../../../app/forms.tsx";
import { type ModuleEditable, useEditableModule, useSaveModule } from "./api.ts";
import { checkDraft, type ModuleDraft, shownField, toBody, toDraft } from "./draft.ts";
import { ModuleFields } from "./ModuleFields.tsx";
import { PagesEditor } from "./PagesEditor.tsx";
import { QuestionsEditor } from "./QuestionsEditor.tsx";

/**
 * Creates (/training/admin/modules/new) or edits (/training/admin/modules/:id) a training module: its fields,
 * pages with their attachments, and quiz questions with the right answers. Saving sends the whole module with the
 * version it was read at; the server's field errors show beside their fields, a stale version offers a reload.
 */
export function ModuleEditorPage() {
  const { id } = useParams();
  const module = useEditableModule(id);
  if (id && module.isPending)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  if (id && module.isError) return <QueryError error={module.error} testId="module-load-error" />;
  return <Editor key={id ?? "new"} saved={id ? module.data : undefined} refetch={module.refetch} />;
}

function Editor({
  saved,
  refetch,
}: {
  saved: ModuleEditable | undefined;
  refetch: () => Promise<{ data?: ModuleEditable }>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const mutation = useSaveModule();
  const [draft, setDraft] = useState<ModuleDraft>(() => toDraft(saved));
  const [version, setVersion] = useState(saved?.version);
  const [clientCheck, setClientCheck] = useState(false);
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();
  const set = <K extends keyof ModuleDraft>(key: K, value: ModuleDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const stale = isApiError(problem) && problem.status === 409 && problem.code !== "code_taken";

  function save() {
    clear();
    const body = toBody(draft);
    const errors = checkDraft(body, t);
    setClientCheck(Object.keys(errors).length > 0);
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      return;
    }
    mutation.mutate(
      { id: saved?.id, version, body },
      {
        onSuccess: (result) => {
          notifications.show({
            color: "teal",
            message: t("trainingAdmin.editor.saved", { title: result.title, version: result.version }),
          });
          qc.setQueryData(["training", "modules", "edit", result.id], result);
          if (!saved) {
            void navigate(`/training/admin/modules/${result.id}`, { replace: true });
            return;
          }
          setDraft(toDraft(result));
          setVersion(result.version);
        },
        onError: (error) => {
          fail(error);
          if (isApiError(error) && error.code === "code_taken")
            setFieldErrors({ ...error.fieldErrors(), code: t("trainingAdmin.editor.codeTaken") });
        },
      },
    );
  }

  async function reload() {
    const latest = (await refetch()).data;
    if (latest) setVersion(latest.version);
    clear();
  }

  return (
    <Stack gap="lg" maw={1100} data-testid="module-editor">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Anchor component={Link} to="/training/admin" size="sm" data-testid="module-back">
            {t("trainingAdmin.editor.back")}
          </Anchor>
          <Title order={1} size="h2">
            {saved ? t("trainingAdmin.editor.editTitle") : t("trainingAdmin.editor.newTitle")}
          </Title>
        </Stack>
        {saved && (
          <Group gap="sm">
            <Text size="sm" c="dimmed" className="ltr" data-testid="module-version">
              v{version}
            </Text>
            <Badge variant="light" color={saved.published ? "teal" : "gray"}>
              {saved.published ? t("trainingAdmin.modules.published") : t("trainingAdmin.modules.draft")}
            </Badge>
            {saved.published && (
              <Anchor
                component={Link}
                to={`/training/modules/${saved.id}`}
                size="sm"
                data-testid="module-view"
              >
                {t("trainingAdmin.editor.view")}
              </Anchor>
            )}
          </Group>
        )}
      </Group>
      <ModuleFields draft={draft} set={set} errors={fieldErrors} isNew={!saved} />
      <Divider />
      <PagesEditor
        pages={draft.pages}
        onChange={(pages) => set("pages", pages)}
        errors={fieldErrors}
        moduleId={saved?.id}
        saved={saved?.pages ?? []}
      />
      <Divider />
      <QuestionsEditor
        questions={draft.questions}
        onChange={(questions) => set("questions", questions)}
        errors={fieldErrors}
      />
      <Stack gap="sm">
        {clientCheck && (
          <Alert color="red" role="alert" data-testid="module-error" data-code="client_check">
            {t("validation.fixFields")}
          </Alert>
        )}
        {stale ? (
          <Alert
            color="red"
            role="alert"
            title={t("trainingAdmin.editor.staleTitle")}
            data-testid="module-error"
            data-code={isApiError(problem) ? problem.code : ""}
          >
            <Text size="sm">{t("trainingAdmin.editor.staleHelp")}</Text>
            <Button
              mt="xs"
              size="xs"
              variant="white"
              color="red"
              onClick={reload}
              data-testid="module-reload"
            >
              {t("common.reload")}
            </Button>
          </Alert>
        ) : (
          <ProblemAlert error={problem} testId="module-error" shown={shownField} />
        )}
        <Group justify="flex-end">
          <Button component={Link} to="/training/admin" variant="default">
            {t("common.cancel")}
          </Button>
          <Button onClick={save} loading={mutation.isPending} data-testid="module-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
