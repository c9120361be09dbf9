import { ActionIcon, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../../app/forms.tsx";
import { AttachmentsPanel } from "./AttachmentsPanel.tsx";
import type { Attachment } from "./api.ts";
import { emptyPage, move, type PageDraft } from "./draft.ts";

/**
 * The module's pages in order: a title and a Markdown body each; add, remove, move up and down. A saved page
 * also lists its attachments and takes new ones (they stay with the page wherever it moves: pages are sent with
 * their ids).
 */
export function PagesEditor({
  pages,
  onChange,
  errors,
  moduleId,
  saved,
}: {
  pages: PageDraft[];
  onChange: (pages: PageDraft[]) => void;
  errors: FieldErrors;
  /** The saved module's id; undefined for a new module. */
  moduleId?: string;
  /** The pages as saved, with their attachments. */
  saved: { id: string; attachments: Attachment[] }[];
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<PageDraft>) =>
    onChange(pages.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  return (
    <Stack gap="sm" data-testid="pages-editor">
      <Title order={2} size="h4">
        {t("trainingAdmin.editor.pages")}
      </Title>
      {errors.pages && (
        <Text c="red" size="sm" role="alert">
          {errors.pages}
        </Text>
      )}
      {pages.map((p, i) => {
        const n = i + 1;
        const attachments = p.id ? saved.find((s) => s.id === p.id)?.attachments : undefined;
        return (
          <Card key={p.key} withBorder padding="sm" data-testid="page-editor" data-index={i}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{t("trainingAdmin.editor.pageN", { n })}</Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="default"
                    disabled={i === 0}
                    onClick={() => onChange(move(pages, i, -1))}
                    aria-label={t("trainingAdmin.editor.pageUp", { n })}
                    data-testid="page-up"
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    disabled={i === pages.length - 1}
                    onClick={() => onChange(move(pages, i, 1))}
                    aria-label={t("trainingAdmin.editor.pageDown", { n })}
                    data-testid="page-down"
                  >
                    ↓
                  </ActionIcon>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    disabled={pages.length === 1}
                    onClick={() => onChange(pages.filter((_, j) => j !== i))}
                    aria-label={t("trainingAdmin.editor.pageRemove", { n })}
                    data-testid="page-remove"
                  >
                    {t("trainingAdmin.editor.remove")}
                  </Button>
                </Group>
              </Group>
              <TextInput
                label={t("trainingAdmin.editor.pageTitle")}
                required
                value={p.title}
                onChange={(e) => update(i, { title: e.currentTarget.value })}
                error={errors[`pages.${i}.title`]}
                data-testid="page-title"
              />
              <Textarea
                label={t("trainingAdmin.editor.pageBody")}
                description={t("trainingAdmin.editor.pageBodyHelp")}
                autosize
                minRows={6}
                maxRows={24}
                value={p.body}
                onChange={(e) => update(i, { body: e.currentTarget.value })}
                error={errors[`pages.${i}.body`]}
                styles={{ input: { fontFamily: "monospace" } }}
                data-testid="page-body"
              />
              {moduleId && p.id && attachments ? (
                <AttachmentsPanel moduleId={moduleId} pageId={p.id} attachments={attachments} n={n} />
              ) : (
                <Text size="xs" c="dimmed" data-testid="page-attachments-later">
                  {t("trainingAdmin.editor.attachmentsAfterSave")}
                </Text>
              )}
            </Stack>
          </Card>
        );
      })}
      <Group>
        <Button
          variant="light"
          disabled={pages.length >= 50}
          onClick={() => onChange([...pages, emptyPage()])}
          data-testid="page-add"
        >
          {t("trainingAdmin.editor.pageAdd")}
        </Button>
      </Group>
    </Stack>
  );
}
