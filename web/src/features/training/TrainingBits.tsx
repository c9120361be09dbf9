import { Anchor, Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { courtToday, formatDate, isolate, useLocale } from "../../app/format.ts";
import { intlLocale } from "../../app/i18n.ts";
import { certificatePdfUrl, type ModuleSummary, verifyPath } from "./api.ts";

/** A percentage as the reader writes numbers, with at most one decimal ("66.7"). */
export function usePercent(): (value: number) => string {
  const { locale } = useLocale();
  const f = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  return (value) => f.format(value);
}

/** A moment ("2026-11-23T19:30:00Z") as the calendar day in Pakistan, in the reader's language. */
export function formatDayOf(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  return formatDate(Number.isNaN(date.getTime()) ? value : courtToday(date));
}

/** Where the learner stands in a module: not started, n of m pages read, or completed (with certificate). */
export type LearnerStatus = "not_started" | "in_progress" | "completed";

export function learnerStatus(module: ModuleSummary): LearnerStatus {
  const mine = module.mine;
  if (!mine) return "not_started";
  if (mine.completedAt || mine.certificate) return "completed";
  return "in_progress";
}

/** The learner's status as a badge; the state sits in data-status for tests and scripts. */
export function StatusBadge({ module, testId }: { module: ModuleSummary; testId: string }) {
  const { t } = useTranslation();
  const status = learnerStatus(module);
  const read = module.mine?.pagesRead.length ?? 0;
  const color = status === "completed" ? "teal" : status === "in_progress" ? "blue" : "gray";
  return (
    <Badge color={color} variant="light" data-testid={testId} data-status={status}>
      {status === "completed"
        ? module.mine?.certificate
          ? t("training.status.completedWithCertificate")
          : t("training.status.completed")
        : status === "in_progress"
          ? t("training.status.inProgress", {
              read: Math.min(read, module.pageCount),
              total: module.pageCount,
            })
          : t("training.status.notStarted")}
    </Badge>
  );
}

/** Topic, language, duration and the competence a module grants. */
export function ModuleFacts({ module }: { module: ModuleSummary }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="outline" color="gray" data-testid="training-topic" data-topic={module.topic}>
        {t(`training.topic.${module.topic}`)}
      </Badge>
      <Badge variant="outline" color="gray" data-testid="training-language" data-language={module.language}>
        {t(`training.language.${module.language}`)}
      </Badge>
      <Badge variant="outline" color="gray">
        {t("training.minutes", { count: module.durationMinutes })}
      </Badge>
      {module.competence && (
        <Badge variant="light" color="violet" data-testid="training-competence">
          {t("training.grants", { name: isolate(name(module.competence)) })}
        </Badge>
      )}
    </Group>
  );
}

/** A certificate's verification code, its PDF and its public verification page. */
export function CertificateLinks({ id, code }: { id: string; code: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap" data-testid="training-certificate">
      <Text size="sm">
        {t("training.certificateCode")}:{" "}
        <Text span fw={700} className="ltr" data-testid="training-certificate-code">
          {code}
        </Text>
      </Text>
      <Anchor href={certificatePdfUrl(id)} download size="sm" fw={600} data-testid="training-certificate-pdf">
        {t("training.downloadCertificate")}
      </Anchor>
      <Anchor component={Link} to={verifyPath(code)} size="sm" data-testid="training-certificate-verify">
        {t("training.verifyLink")}
      </Anchor>
    </Group>
  );
}
