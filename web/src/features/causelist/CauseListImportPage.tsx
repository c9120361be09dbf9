import { Alert, Anchor, Button, Card, FileInput, Group, Stack, Text, Title } from "@mantine/core";
import { type ComponentProps, type FormEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type CodedOption, CodedSelect } from "../../app/CodedSelect.tsx";
import { formatDate, useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { useCourts } from "../reference/api.ts";
import { ImportHelp } from "./ImportHelp.tsx";
import { ImportCounts, ImportPreviewTable } from "./ImportPreviewTable.tsx";
import {
  firstMatchedDate,
  IMPORT_ACCEPT,
  type ImportCommit,
  type ImportPreview,
  readImportFile,
  useCommitImport,
  usePreviewImport,
} from "./importApi.ts";

/** The hidden native input gets the test id, so tests can hand it a file with `setInputFiles`. */
const FILE_INPUT_PROPS = { "data-testid": "import-file" } as ComponentProps<"input">;
const FILE_ERROR_PROPS = { "data-testid": "import-file-error" };

/**
 * Importing a court's published cause list: choose the court and the CSV file (read here, in the browser),
 * preview how each row matches a case, then create the matched hearings. Nothing is scheduled before the
 * commit; importing the same file again shows its rows as already listed.
 */
export function CauseListImportPage() {
  const { t } = useTranslation();
  const { name } = useLocale();
  const courts = useCourts().data ?? [];
  const previewImport = usePreviewImport();
  const commitImport = useCommitImport();
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [courtId, setCourtId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<(ImportPreview & { fileName: string }) | null>(null);
  const [done, setDone] = useState<ImportCommit | null>(null);
  const chosen = useRef<File | null>(null);
  const resetFile = useRef<() => void>(null);

  const courtOptions = useMemo<CodedOption[]>(
    () => [
      { value: "", label: t("common.choose") },
      ...courts.filter((c) => c.active).map((c) => ({ value: c.id, label: name(c), code: c.code })),
    ],
    [courts, name, t],
  );

  function clearResult() {
    clear();
    setPreview(null);
    setDone(null);
  }

  async function chooseFile(f: File | null) {
    clearResult();
    chosen.current = f;
    setFile(f);
    setContent(null);
    setFileError(null);
    if (!f) return;
    const read = await readImportFile(f);
    if (chosen.current !== f) return; // another file was chosen meanwhile
    if ("error" in read) setFileError(t(`causeList.import.${read.error}`));
    else setContent(read.content);
  }

  function startAgain() {
    clearResult();
    chosen.current = null;
    setFile(null);
    setContent(null);
    setFileError(null);
    resetFile.current?.();
  }

  function submitPreview(event: FormEvent) {
    event.preventDefault();
    if (!courtId || !file || content === null) return;
    clearResult();
    const fileName = file.name.slice(0, 200);
    previewImport.mutate(
      { courtId, format: "csv", fileName, content },
      { onSuccess: (data) => setPreview({ ...data, fileName }), onError: fail },
    );
  }

  function commit() {
    if (!preview) return;
    clear();
    const caseIds = [...new Set(preview.rows.flatMap((r) => (r.case ? [r.case.id] : [])))];
    commitImport.mutate({ importId: preview.importId, caseIds }, { onSuccess: setDone, onError: fail });
  }

  const fileProblem = fieldErrors.content ?? fieldErrors.courtId;

  return (
    <Stack gap="md" data-testid="import-page">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2" data-testid="import-title">
          {t("causeList.import.title")}
        </Title>
        <Button component={Link} to="/cause-list" variant="default" data-testid="import-back">
          {t("causeList.import.back")}
        </Button>
      </Group>

      <Card withBorder>
        <form onSubmit={submitPreview} noValidate data-testid="import-form">
          <Stack gap="sm">
            <Text size="sm">{t("causeList.import.intro")}</Text>
            <Group align="flex-start" gap="sm">
              <CodedSelect
                label={t("fields.court")}
                required
                options={courtOptions}
                value={courtId}
                onChange={(e) => {
                  clearResult();
                  setCourtId(e.currentTarget.value);
                }}
                miw={260}
                data-testid="import-court"
              />
              <FileInput
                label={t("causeList.import.file")}
                description={t("causeList.import.fileHint")}
                placeholder={t("documents.chooseFile")}
                required
                clearable
                accept={IMPORT_ACCEPT}
                value={file}
                onChange={(f) => void chooseFile(f)}
                error={fileError}
                errorProps={FILE_ERROR_PROPS}
                fileInputProps={FILE_INPUT_PROPS}
                resetRef={resetFile}
                miw={300}
                data-testid="import-file-button"
              />
            </Group>
            <Group>
              <Button
                type="submit"
                disabled={!courtId || content === null}
                loading={previewImport.isPending}
                data-testid="import-preview"
              >
                {t("causeList.import.preview")}
              </Button>
            </Group>
            {problem && fileProblem ? (
              <Alert
                color="red"
                title={t("causeList.import.fileRefused")}
                role="alert"
                data-testid="import-error"
                data-code={problem.code}
              >
                <bdi>{fileProblem}</bdi>
              </Alert>
            ) : (
              <ProblemAlert error={problem} testId="import-error" />
            )}
          </Stack>
        </form>
      </Card>

      {preview && (
        <Card withBorder data-testid="import-result" data-import-id={preview.importId}>
          <Stack gap="sm">
            <div>
              <Title order={2} size="h4">
                {t("causeList.import.previewTitle", { court: name(preview.court) })}
              </Title>
              <Text size="sm" c="dimmed">
                {t("causeList.import.fileName")}: <bdi>{preview.fileName}</bdi>
              </Text>
            </div>
            <ImportCounts counts={preview.counts} />
            <ImportPreviewTable rows={preview.rows} />
            {done ? (
              <ImportDone done={done} preview={preview} onAgain={startAgain} />
            ) : (
              <Stack gap={4} align="flex-start">
                <Button
                  color="teal"
                  disabled={preview.counts.matched === 0}
                  loading={commitImport.isPending}
                  onClick={commit}
                  data-testid="import-commit"
                >
                  {t("causeList.import.commit", { count: preview.counts.matched })}
                </Button>
                <Text size="xs" c="dimmed">
                  {preview.counts.matched === 0
                    ? t("causeList.import.nothingToCreate")
                    : t("causeList.import.commitHint")}
                </Text>
              </Stack>
            )}
          </Stack>
        </Card>
      )}

      <Card withBorder>
        <ImportHelp />
      </Card>
    </Stack>
  );
}

/** The result of the commit, with the way back to the cause list of the first day it filled. */
function ImportDone({
  done,
  preview,
  onAgain,
}: {
  done: ImportCommit;
  preview: ImportPreview;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const date = firstMatchedDate(preview.rows);
  return (
    <Alert
      color="teal"
      title={t("causeList.import.doneTitle")}
      data-testid="import-done"
      data-created={done.created}
      data-skipped={done.skipped}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t("causeList.import.done", { count: done.created })}</Text>
        {done.skipped > 0 && (
          <Text size="sm" data-testid="import-skipped">
            {t("causeList.import.skipped", { count: done.skipped })}
          </Text>
        )}
        <Group gap="md">
          {date && (
            <Anchor
              component={Link}
              to={`/cause-list?date=${date}&courtId=${preview.court.id}`}
              size="sm"
              data-testid="import-done-list"
              data-date={date}
            >
              {t("causeList.import.openDay", { date: formatDate(date, locale) })}
            </Anchor>
          )}
          <Button variant="default" size="xs" onClick={onAgain} data-testid="import-again">
            {t("causeList.import.again")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
