import { Anchor, Button, Group, List, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatBytes } from "../../app/format.ts";
import { ProblemAlert } from "../../app/forms.tsx";
import { attachmentUrl, type ModuleDetail, useMarkRead } from "./api.ts";
import { MarkdownBody } from "./MarkdownBody.tsx";
import { QuizPanel } from "./QuizPanel.tsx";

type View = number | "quiz";

/**
 * An enrolled learner's way through a module: a row of steps (each page, then the quiz) over a progress bar,
 * one page at a time, "Mark as read and continue" at its foot. The quiz opens when every page is read.
 */
export function ModulePages({ module }: { module: ModuleDetail }) {
  const { t } = useTranslation();
  const read = new Set(module.mine?.pagesRead ?? []);
  const readCount = module.pages.filter((p) => read.has(p.id)).length;
  const allRead = readCount === module.pages.length;
  const [view, setView] = useState<View>(() => {
    const firstUnread = module.pages.findIndex((p) => !read.has(p.id));
    return firstUnread === -1 ? "quiz" : firstUnread;
  });
  // a module edited since may have fewer pages
  const current: View =
    view === "quiz" ? (allRead ? "quiz" : 0) : Math.min(view, Math.max(module.pages.length - 1, 0));

  return (
    <Stack gap="md">
      <nav aria-label={t("training.module.steps")}>
        <Stack gap={6}>
          <Group gap={6} wrap="wrap">
            {module.pages.map((p, i) => (
              <Button
                key={p.id}
                size="compact-sm"
                variant={current === i ? "filled" : read.has(p.id) ? "light" : "default"}
                aria-current={current === i ? "step" : undefined}
                aria-label={t("training.module.stepLabel", {
                  n: i + 1,
                  title: p.title,
                  state: read.has(p.id) ? t("training.module.read") : t("training.module.unread"),
                })}
                onClick={() => setView(i)}
                data-testid={`training-step-${i}`}
                data-read={read.has(p.id)}
              >
                {read.has(p.id) ? `${i + 1} ✓` : i + 1}
              </Button>
            ))}
            <Button
              size="compact-sm"
              variant={current === "quiz" ? "filled" : "default"}
              disabled={!allRead}
              aria-current={current === "quiz" ? "step" : undefined}
              onClick={() => setView("quiz")}
              data-testid="training-step-quiz"
            >
              {t("training.quiz.title")}
            </Button>
          </Group>
          <Progress
            value={module.pages.length ? (readCount / module.pages.length) * 100 : 0}
            aria-label={t("training.module.progress", { read: readCount, total: module.pages.length })}
            data-testid="training-progress"
            data-read={readCount}
            data-total={module.pages.length}
          />
          <Text size="xs" c="dimmed">
            {t("training.module.progress", { read: readCount, total: module.pages.length })}
          </Text>
        </Stack>
      </nav>
      {current === "quiz" ? (
        <QuizPanel module={module} />
      ) : (
        <PageView
          module={module}
          index={current}
          read={read}
          onGo={setView}
          onAllRead={() => setView("quiz")}
        />
      )}
    </Stack>
  );
}

function PageView({
  module,
  index,
  read,
  onGo,
  onAllRead,
}: {
  module: ModuleDetail;
  index: number;
  read: Set<string>;
  onGo: (view: View) => void;
  onAllRead: () => void;
}) {
  const { t } = useTranslation();
  const markRead = useMarkRead(module.id);
  const page = module.pages[index];
  if (!page) return null;
  const last = index === module.pages.length - 1;
  const isRead = read.has(page.id);

  const next = () => {
    if (isRead) {
      if (!last) onGo(index + 1);
      else if (module.pages.every((p) => read.has(p.id))) onAllRead();
      else onGo(module.pages.findIndex((p) => !read.has(p.id)));
      return;
    }
    markRead.mutate(page.id, {
      onSuccess: (mine) => {
        const nowRead = new Set(mine.pagesRead);
        const firstUnread = module.pages.findIndex((p) => !nowRead.has(p.id));
        if (!last) onGo(index + 1);
        else if (firstUnread === -1) onAllRead();
        else onGo(firstUnread);
        window.scrollTo({ top: 0 });
      },
    });
  };

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="article"
      aria-labelledby="training-page-heading"
      data-testid="training-page"
      data-index={index}
      data-page-id={page.id}
      data-read={isRead}
    >
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t("training.module.pageOf", { n: index + 1, total: module.pages.length })}
        </Text>
        <Title order={2} size="h3" id="training-page-heading" lang={module.language}>
          <bdi>{page.title}</bdi>
        </Title>
        <MarkdownBody markdown={page.body} lang={module.language} />
        {page.attachments.length > 0 && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t("training.module.attachments")}
            </Title>
            <List size="sm">
              {page.attachments.map((a) => (
                <List.Item key={a.id}>
                  <Anchor href={attachmentUrl(a.id)} download={a.filename} data-testid="training-attachment">
                    <bdi>{a.filename}</bdi>
                  </Anchor>{" "}
                  <Text span size="xs" c="dimmed" className="ltr">
                    ({formatBytes(a.size)})
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <ProblemAlert error={markRead.error} testId="training-read-error" />
        <Group justify="space-between" mt="sm">
          <Button
            variant="default"
            disabled={index === 0}
            onClick={() => onGo(index - 1)}
            data-testid="training-page-prev"
          >
            {t("training.module.previous")}
          </Button>
          <Button onClick={next} loading={markRead.isPending} data-testid="training-page-next">
            {isRead
              ? last
                ? module.pages.every((p) => read.has(p.id))
                  ? t("training.module.toQuiz")
                  : t("training.module.nextUnread")
                : t("training.module.next")
              : last
                ? t("training.module.markReadLast")
                : t("training.module.markRead")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
