import { Badge, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, useLocale } from "../../app/format.ts";
import type { Decision, HearingClash } from "./api.ts";
import { useExplain } from "./explain.ts";

/**
 * Why the engine chose whom it chose: the step sentence, the eligible officers ranked with each factor, and
 * every excluded officer with the reasons. Used in the bulk preview, the handover preview and the case page.
 */
export function Explanation({
  decision,
  clashes = [],
  testId = "explanation",
}: {
  decision: Decision;
  /** Candidates listed, on a day this case is heard, before another court (one-case suggestions). */
  clashes?: HearingClash[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const { reason, step, num, short } = useExplain();
  const { locale } = useLocale();
  const { candidates, excluded, omitted } = decision;
  // a bulk decision names no excluded officer: it counts them by the first reason that excluded them
  const byReason = Object.entries(decision.excludedBy ?? {});
  return (
    <Stack gap="sm" data-testid={testId} data-step={decision.step}>
      <Text size="sm" data-testid="explanation-step" data-step={decision.step}>
        {step(decision)}
      </Text>
      <div>
        <Title order={4} size="h6" mb={4}>
          {t("explain.candidates", { count: candidates.length + (omitted?.candidates ?? 0) })}
        </Title>
        {candidates.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("explain.noCandidates")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} data-testid="explanation-candidates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>#</Table.Th>
                  <Table.Th>{t("assignment.officer")}</Table.Th>
                  <Table.Th>{t("assignment.loadBeforeAfter")}</Table.Th>
                  <Table.Th>{t("explain.factors")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {candidates.map((c) => {
                  const chosen = c.officerId === decision.chosenOfficerId;
                  return (
                    <Table.Tr
                      key={c.officerId}
                      data-testid="explanation-candidate"
                      data-officer-id={c.officerId}
                      data-rank={c.rank}
                      data-chosen={chosen}
                      bg={chosen ? "var(--mantine-color-teal-light)" : undefined}
                    >
                      <Table.Td>{num(c.rank)}</Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={chosen ? 600 : 400}>
                            <bdi>{c.name}</bdi>
                          </Text>
                          {chosen && (
                            <Badge size="xs" color="teal">
                              {t("explain.chosen")}
                            </Badge>
                          )}
                          {clashes
                            .filter((x) => x.officerId === c.officerId)
                            .map((x) => (
                              <Badge
                                key={`${x.date}|${x.courtCode}|${x.benchCode}`}
                                size="xs"
                                color="orange"
                                variant="light"
                                tt="none"
                                data-testid="explanation-clash"
                                data-date={x.date}
                              >
                                {t("explain.clash", {
                                  court: x.benchCode ? `${x.courtCode} (${x.benchCode})` : x.courtCode,
                                  date: formatDate(x.date, locale),
                                })}
                              </Badge>
                            ))}
                        </Group>
                      </Table.Td>
                      <Table.Td className="nowrap">
                        <span className="ltr">
                          {num(c.load)} → {num(c.loadAfter)}
                        </span>
                      </Table.Td>
                      <Table.Td>
                        <List size="xs" spacing={2}>
                          {c.factors.map((f) => (
                            <List.Item key={f.code} data-testid="explanation-factor" data-code={f.code}>
                              {reason(f)}
                            </List.Item>
                          ))}
                        </List>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {(omitted?.candidates ?? 0) > 0 && (
          <Text size="xs" c="dimmed">
            {t("explain.omitted", { count: omitted?.candidates })}
          </Text>
        )}
      </div>
      <div>
        <Title order={4} size="h6" mb={4}>
          {t("explain.excluded", { count: excluded.length + (omitted?.excluded ?? 0) })}
        </Title>
        {excluded.length === 0 && byReason.length > 0 ? (
          <List size="xs" spacing={2} data-testid="explanation-excluded-by">
            {byReason.map(([code, n]) => (
              <List.Item key={code} data-testid="explanation-excluded-reason" data-code={code} data-count={n}>
                {t("explain.byReason", { reason: short(code), n: num(n) })}
              </List.Item>
            ))}
          </List>
        ) : excluded.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("explain.noneExcluded")}
          </Text>
        ) : (
          <Stack gap={4} data-testid="explanation-excluded-list">
            {excluded.map((e) => (
              <div key={e.officerId} data-testid="explanation-excluded" data-officer-id={e.officerId}>
                <Text size="sm" fw={500}>
                  <bdi>{e.name}</bdi>
                </Text>
                <List size="xs" spacing={2}>
                  {e.reasons.map((r) => (
                    <List.Item
                      key={`${r.code}:${JSON.stringify(r.params)}`}
                      data-testid="explanation-reason"
                      data-code={r.code}
                    >
                      {reason(r)}
                    </List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        )}
        {(omitted?.excluded ?? 0) > 0 && excluded.length > 0 && (
          <Text size="xs" c="dimmed">
            {t("explain.omitted", { count: omitted?.excluded })}
          </Text>
        )}
      </div>
      <Text size="xs" c="dimmed">
        {t("explain.seed")}{" "}
        <span className="ltr" data-testid="explanation-seed">
          {decision.seed}
        </span>
      </Text>
    </Stack>
  );
}
