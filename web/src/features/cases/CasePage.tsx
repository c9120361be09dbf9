import { Button, Center, Group, Loader, Stack, Tabs, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { CaseDeadlines } from "../deadlines/CaseDeadlines.tsx";
import { DocumentsPanel } from "../documents/DocumentsPanel.tsx";
import { CaseHearings } from "../hearings/CaseHearings.tsx";
import { CaseTasks } from "../tasks/CaseTasks.tsx";
import { useCase } from "./api.ts";
import { CaseAssignment } from "./CaseAssignment.tsx";
import { CaseHistory } from "./CaseHistory.tsx";
import { CaseOverview } from "./CaseOverview.tsx";
import { FlagBadges, StaleBadge, StatusBadge } from "./labels.tsx";

const TABS = ["overview", "assignment", "hearings", "deadlines", "tasks", "documents", "history"] as const;
type Tab = (typeof TABS)[number];

export function CasePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const query = useCase(id);
  const [params, setParams] = useSearchParams();
  const tabParam = params.get("tab");
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : "overview";

  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  if (query.isError) return <QueryError error={query.error} testId="case-error" />;
  const c = query.data;

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text c="dimmed" size="sm" className="ltr" data-testid="case-number">
            {c.displayNumber}
          </Text>
          <Title order={1} size="h2" data-testid="case-title">
            <bdi>{c.title}</bdi>
          </Title>
          <Group gap="xs">
            <StatusBadge status={c.status} stage={c.stage} />
            <FlagBadges flags={c.flags} />
            {c.staleSince && <StaleBadge since={c.staleSince} updatedAt={c.updatedAt} />}
          </Group>
          <Text size="xs" c="dimmed">
            {t("cases.lastUpdate")}: {formatDateTime(c.updatedAt, locale)}
          </Text>
        </Stack>
        {c.abilities.edit && (
          <Button component={Link} to={`/cases/${c.id}/edit`} variant="light" data-testid="case-edit">
            {t("common.edit")}
          </Button>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          if (!v || v === "overview") next.delete("tab");
          else next.set("tab", v);
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`tab-${name}`}>
              {t(`cases.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <CaseOverview c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="assignment" pt="md">
          <CaseAssignment c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="hearings" pt="md">
          <CaseHearings c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="deadlines" pt="md">
          <CaseDeadlines c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <CaseTasks c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsPanel caseId={c.id} canUpload={c.abilities.upload} canDownload={c.abilities.download} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <CaseHistory caseId={c.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
