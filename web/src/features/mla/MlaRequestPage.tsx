import {
  Anchor,
  Badge,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Progress,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { type MlaDetail, type MlaFinding, useMlaRequest } from "./api.ts";
import { Evidence } from "./Evidence.tsx";
import { ExportButtons } from "./ExportButtons.tsx";
import { Findings } from "./Findings.tsx";
import { HandlerPanel } from "./HandlerPanel.tsx";
import { History } from "./History.tsx";
import { MlaStateBadge, useMlaLabels } from "./labels.tsx";
import { MlaDeadlines } from "./MlaDeadlines.tsx";
import { Moves } from "./Moves.tsx";
import { NamedUsers } from "./NamedUsers.tsx";
import { DraftWizard } from "./wizard/DraftWizard.tsx";

type Check = { findings: MlaFinding[]; score: number; live: boolean };

/** One MLA request: its header and score, the drafting assistant's findings, the draft, its moves and history. */
export function MlaRequestPage() {
  const { id = "" } = useParams();
  const query = useMlaRequest(id);
  const [live, setLive] = useState<Check | null>(null);
  const onCheck = useCallback((c: Check) => setLive(c), []);
  if (query.isError) return <QueryError error={query.error} testId="mla-error" />;
  if (!query.data) {
    return (
      <Center p="xl">
        <Loader data-testid="mla-loading" />
      </Center>
    );
  }
  const detail = query.data;
  const check = live ?? { ...detail.check, live: false };
  return (
    <Stack gap="md" maw={1300} data-testid="mla-page" data-id={detail.id} data-state={detail.state}>
      <Header detail={detail} score={check.score} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <DraftWizard key={detail.id} detail={detail} onCheck={onCheck} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <HandlerPanel detail={detail} />
            <Moves detail={detail} />
            <MlaDeadlines detail={detail} />
            <Findings findings={check.findings} />
            <NamedUsers detail={detail} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Evidence requestId={detail.id} />
      <History history={detail.history} />
    </Stack>
  );
}

function scoreColor(score: number): string {
  return score >= 80 ? "teal" : score >= 50 ? "yellow" : "red";
}

function Header({ detail, score }: { detail: MlaDetail; score: number }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const labels = useMlaLabels();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Anchor component={Link} to="/mla" size="sm" data-testid="mla-back">
          {t("mla.title")}
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={1} size="h2" data-testid="mla-title">
              <bdi>{detail.title}</bdi>
            </Title>
            <Group gap="xs">
              <Text fw={600} className="ltr" data-testid="mla-reference">
                {detail.reference}
              </Text>
              <Badge variant="outline" color="gray" data-testid="mla-kind" data-kind={detail.kind}>
                {labels.kind(detail.kind)}
              </Badge>
              <MlaStateBadge state={detail.state} />
            </Group>
            <Text size="xs" c="dimmed">
              <bdi>{detail.organisation.nameEn}</bdi> · {detail.createdBy.fullName} · {t("mla.updated")}{" "}
              {formatDateTime(detail.updatedAt, locale)}
            </Text>
          </Stack>
          <Stack gap={4} miw={240}>
            <Group justify="space-between">
              <Text size="sm">{t("mla.score")}</Text>
              <Text size="sm" fw={600} className="ltr" data-testid="mla-score-value">
                {t("mla.scoreValue", { score })}
              </Text>
            </Group>
            <Progress
              value={score}
              color={scoreColor(score)}
              size="lg"
              aria-label={t("mla.score")}
              data-testid="mla-score"
              data-score={score}
            />
            <ExportButtons id={detail.id} />
          </Stack>
        </Group>
      </Stack>
    </Card>
  );
}
