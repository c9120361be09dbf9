import { Anchor, Badge, Button, Card, Center, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { exportUrl, FileDownloads } from "../../app/FileDownloads.tsx";
import { formatDate, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { StatusMarker } from "../reference/CourtsTab.tsx";
import { type Deadline, useMyDeadlines } from "./api.ts";
import { DaysLeftBadge, URGENCY_COLOR, urgencyOf, useDeadlineTitle } from "./labels.tsx";

export const WINDOWS = [7, 30, 90] as const;
const DEFAULT_WINDOW = 30;

/**
 * The reader's open deadlines due within 7, 30 or 90 days, overdue first, then soonest (the server's order);
 * each row opens its case on the Deadlines tab. The window is kept in the URL (`?within=7`).
 */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("within"));
  const within = (WINDOWS as readonly number[]).includes(asked) ? asked : DEFAULT_WINDOW;
  const deadlines = useMyDeadlines(within);
  const items = deadlines.data ?? [];
  const overdue = items.filter((d) => d.daysLeft < 0).length;

  return (
    <Stack gap="md" maw={1200} data-testid="deadlines-page">
      <Title order={1} size="h2">
        {t("deadlines.pageTitle")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("deadlines.pageHelp")}
      </Text>
      <Group gap="sm" justify="space-between">
        <Button.Group>
          {WINDOWS.map((w) => (
            <Button
              key={w}
              variant={w === within ? "filled" : "default"}
              onClick={() => setParams(w === DEFAULT_WINDOW ? {} : { within: String(w) }, { replace: true })}
              aria-pressed={w === within}
              data-testid={`deadlines-within-${w}`}
            >
              {t("deadlines.withinDays", { count: w })}
            </Button>
          ))}
        </Button.Group>
        {deadlines.data && (
          <Group gap="md">
            <FileDownloads
              testId="deadlines-download"
              what={t("downloads.what.deadlines")}
              href={(format) => exportUrl("/deadlines/export", { withinDays: within }, format)}
            />
            <Text size="sm" data-testid="my-deadlines-count" data-count={items.length} data-within={within}>
              {t("deadlines.openCount", { count: items.length })}
            </Text>
            {overdue > 0 && (
              <Badge color="red" data-testid="my-deadlines-overdue" data-count={overdue}>
                {t("deadlines.overdueCount", { count: overdue })}
              </Badge>
            )}
          </Group>
        )}
      </Group>
      <Card withBorder>
        {deadlines.isPending && (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        )}
        {deadlines.isError && <QueryError error={deadlines.error} testId="my-deadlines-error" />}
        {deadlines.data && items.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="my-deadlines-empty" data-within={within}>
            {t("deadlines.noneWithin", { count: within })}
          </Text>
        )}
        {items.length > 0 && <MyDeadlinesTable items={items} within={within} />}
      </Card>
    </Stack>
  );
}

function MyDeadlinesTable({ items, within }: { items: Deadline[]; within: number }) {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  const titleOf = useDeadlineTitle();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table fz="sm" verticalSpacing="xs" data-testid="my-deadlines-table" data-within={within}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("deadlines.daysLeftTitle")}</Table.Th>
            <Table.Th>{t("deadlines.internalDue")}</Table.Th>
            <Table.Th>{t("deadlines.legalDue")}</Table.Th>
            <Table.Th>{t("deadlines.deadline")}</Table.Th>
            <Table.Th>{t("deadlines.case")}</Table.Th>
            <Table.Th>{t("deadlines.rule")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => {
            const urgency = urgencyOf(d.daysLeft);
            return (
              <Table.Tr
                key={d.id}
                data-testid="my-deadline-row"
                data-deadline-id={d.id}
                data-case-id={d.caseId}
                data-kind={d.kind}
                data-urgency={urgency}
                style={{
                  borderInlineStart: `4px solid var(--mantine-color-${URGENCY_COLOR[urgency]}-filled)`,
                }}
              >
                <Table.Td>
                  <DaysLeftBadge daysLeft={d.daysLeft} />
                </Table.Td>
                <Table.Td className="nowrap">{formatDate(d.internalDueOn, locale)}</Table.Td>
                <Table.Td className="nowrap">
                  {formatDate(d.legalDueOn, locale)}
                  {d.provisional && (
                    <Badge ms={4} size="xs" color="yellow" variant="light" data-testid="deadline-provisional">
                      {t("deadlines.provisional")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <bdi>{titleOf(d)}</bdi>
                  <Text size="xs" c="dimmed">
                    {t(`deadlines.kinds.${d.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/cases/${d.caseId}?tab=deadlines`}
                    size="sm"
                    fw={500}
                    className="ltr nowrap"
                    data-testid="my-deadline-case-link"
                  >
                    {d.caseNumber}
                  </Anchor>
                  <Text size="xs" lineClamp={2}>
                    <bdi>{d.caseTitle}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  {d.rule ? (
                    <Group gap={4} wrap="nowrap" align="flex-start">
                      <StatusMarker
                        status={d.rule.status}
                        source={d.rule.source}
                        testId="deadline-rule-status"
                      />
                      <Text size="xs">{name(d.rule)}</Text>
                    </Group>
                  ) : (
                    "—"
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
