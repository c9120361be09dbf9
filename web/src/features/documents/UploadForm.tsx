import { Button, Card, FileInput, NativeSelect, Stack, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isolate } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import {
  ACCEPT_ATTR,
  ACCEPTED_TYPES,
  type CaseDocument,
  DOCUMENT_KINDS,
  type DocumentKind,
  useUpload,
} from "./api.ts";

/** Uploads a new document, or a new version of an existing one. */
export function UploadForm({ caseId, documents }: { caseId: string; documents: CaseDocument[] }) {
  const { t } = useTranslation();
  const upload = useUpload(caseId);
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();
  const [documentId, setDocumentId] = useState("");
  const [kind, setKind] = useState<DocumentKind>("petition");
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);

  const existing = documents.find((d) => d.id === documentId);
  const targetOptions = [
    { value: "", label: t("documents.newDocument") },
    ...documents.map((d) => ({
      value: d.id,
      label: t("documents.newVersionOf", { title: isolate(d.title) }),
    })),
  ];
  const kindOptions = DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKind.${k}`) }));

  function chooseTarget(id: string) {
    setDocumentId(id);
    const doc = documents.find((d) => d.id === id);
    if (doc) {
      setKind(doc.kind);
      setTitle(doc.title);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const errors: Record<string, string> = {};
    if (!title.trim()) errors.title = t("validation.required");
    if (!file) errors.file = t("validation.required");
    else if (file.type && !ACCEPTED_TYPES.includes(file.type)) errors.file = t("documents.badType");
    if (Object.keys(errors).length > 0 || !file) {
      setFieldErrors(errors);
      return;
    }
    upload.mutate(
      { kind, title: title.trim(), documentId: documentId || undefined, file },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("documents.uploaded") });
          setFile(null);
          setTitle("");
          setDocumentId("");
        },
        onError: fail,
      },
    );
  }

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t("documents.upload")}
      </Title>
      <form onSubmit={submit} noValidate data-testid="upload-form">
        <Stack gap="sm">
          <ProblemAlert error={problem} testId="upload-error" shown={(k) => k in fieldErrors} />
          {documents.length > 0 && (
            <NativeSelect
              label={t("documents.target")}
              data={targetOptions}
              value={documentId}
              onChange={(e) => chooseTarget(e.currentTarget.value)}
              data-testid="doc-target"
            />
          )}
          <NativeSelect
            label={t("documents.kind")}
            data={kindOptions}
            value={kind}
            disabled={Boolean(existing)}
            onChange={(e) => setKind(e.currentTarget.value as DocumentKind)}
            error={fieldErrors.kind}
            data-testid="doc-kind"
          />
          <TextInput
            label={t("fields.title")}
            required
            value={title}
            disabled={Boolean(existing)}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldErrors.title}
            data-testid="doc-title"
          />
          <FileInput
            label={t("documents.file")}
            description={t("documents.accepted")}
            placeholder={t("documents.chooseFile")}
            required
            clearable
            accept={ACCEPT_ATTR}
            value={file}
            onChange={setFile}
            error={fieldErrors.file}
            data-testid="doc-file"
          />
          <Button type="submit" loading={upload.isPending} data-testid="doc-upload-submit">
            {t("documents.uploadButton")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
