import { Anchor, Button, FileInput, Group, List, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatBytes } from "../../../app/format.ts";
import { ProblemAlert } from "../../../app/forms.tsx";
import { type Attachment, attachmentUrl, useDeleteAttachment, useUploadAttachment } from "./api.ts";

/** What the server takes as an attachment (≤ 10 MB; typed by content like case documents: PDF, DOCX, PNG, JPEG). */
const ACCEPT = ".pdf,.docx,.png,.jpg,.jpeg";
const MAX_BYTES = 10 * 1024 * 1024;

/** A saved page's attachments: the list (each to download or delete) and a file input to add one. */
export function AttachmentsPanel({
  moduleId,
  pageId,
  attachments,
  n,
}: {
  moduleId: string;
  pageId: string;
  attachments: Attachment[];
  /** The page's number, to name the controls. */
  n: number;
}) {
  const { t } = useTranslation();
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();
  const [file, setFile] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);

  function send() {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setTooBig(true);
      return;
    }
    setTooBig(false);
    upload.mutate(
      { moduleId, pageId, file },
      {
        onSuccess: (a) => {
          setFile(null);
          notifications.show({
            color: "teal",
            message: t("trainingAdmin.attachments.uploaded", { name: a.filename }),
          });
        },
      },
    );
  }

  return (
    <Stack gap={6} data-testid="page-attachments">
      <Text size="sm" fw={600}>
        {t("trainingAdmin.attachments.title")}
      </Text>
      {attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("trainingAdmin.attachments.none")}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {attachments.map((a) => (
            <List.Item key={a.id} data-testid="page-attachment">
              <Group gap="xs" wrap="nowrap">
                <Anchor href={attachmentUrl(a.id)} download data-testid="page-attachment-link">
                  <bdi>{a.filename}</bdi>
                </Anchor>
                <Text size="xs" c="dimmed" className="ltr">
                  {formatBytes(a.size)}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={remove.isPending && remove.variables === a.id}
                  onClick={() => remove.mutate(a.id)}
                  aria-label={t("trainingAdmin.attachments.deleteNamed", { name: a.filename })}
                  data-testid="page-attachment-delete"
                >
                  {t("trainingAdmin.attachments.delete")}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Group align="flex-end" gap="xs">
        <FileInput
          label={t("trainingAdmin.attachments.file", { n })}
          description={t("trainingAdmin.attachments.accepted")}
          placeholder={t("trainingAdmin.attachments.choose")}
          accept={ACCEPT}
          clearable
          value={file}
          onChange={setFile}
          error={tooBig ? t("trainingAdmin.attachments.tooBig") : undefined}
          size="xs"
          miw={260}
          data-testid="page-attachment-file"
        />
        <Button
          size="xs"
          variant="light"
          disabled={!file}
          loading={upload.isPending}
          onClick={send}
          data-testid="page-attachment-upload"
        >
          {t("trainingAdmin.attachments.upload")}
        </Button>
      </Group>
      <ProblemAlert error={upload.error ?? remove.error} testId="page-attachment-error" />
    </Stack>
  );
}
