import { Alert, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MlaFinding } from "./api.ts";

const SEVERITIES = ["error", "warning", "suggestion"] as const;
const COLOR = { error: "red", warning: "orange", suggestion: "blue" } as const;

/** The drafting assistant's findings, errors first, each with its fix and the rule's source and status. */
export function Findings({ findings }: { findings: MlaFinding[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="mla-findings" data-count={findings.length}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("mla.findings")}
        </Title>
        {findings.length === 0 && (
          <Text c="dimmed" data-testid="mla-findings-none">
            {t("mla.noFindings")}
          </Text>
        )}
        {SEVERITIES.map((severity) => {
          const group = findings.filter((f) => f.severity === severity);
          if (group.length === 0) return null;
          return (
            <Stack key={severity} gap="xs" data-testid={`mla-findings-${severity}`} data-count={group.length}>
              <Group gap="xs">
                <Text fw={600}>{t(`mla.severity.${severity}`)}</Text>
                <Badge color={COLOR[severity]} variant="light" size="sm">
                  {group.length}
                </Badge>
              </Group>
              {group.map((f) => (
                <Alert
                  key={`${f.rule}:${f.field}:${f.message}`}
                  color={COLOR[severity]}
                  variant="light"
                  data-testid="mla-finding"
                  data-rule={f.rule}
                  data-severity={f.severity}
                  data-field={f.field}
                >
                  <Stack gap={4}>
                    <Text size="sm" fw={500} data-testid="mla-finding-message">
                      <bdi>{f.message}</bdi>
                    </Text>
                    {f.fix && (
                      <Text size="sm" data-testid="mla-finding-fix">
                        {t("mla.fix")}: <bdi>{f.fix}</bdi>
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" data-testid="mla-finding-source">
                      {t("mla.source")}: <bdi>{f.source}</bdi> · {t("mla.status")}:{" "}
                      <span data-testid="mla-finding-status">{f.status}</span>
                    </Text>
                  </Stack>
                </Alert>
              ))}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
