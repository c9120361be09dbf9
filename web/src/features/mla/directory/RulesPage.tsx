import { Badge, Button, Card, Center, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../app/format.ts";
import { QueryError } from "../../../app/forms.tsx";
import { NotFound } from "../../../app/NotFound.tsx";
import { useMe } from "../../../app/session.tsx";
import { StatusMarker } from "../../reference/CourtsTab.tsx";
import { useRules } from "./api.ts";
import { RuleDialog } from "./RuleDialog.tsx";

const SEVERITY_COLOR: Record<string, string> = { error: "red", warning: "orange", suggestion: "blue" };

/**
 * The drafting assistant's 16 rules (DOMAIN.md §9) as the Central Authority keeps them: their words in English
 * and Urdu, grade, source with V/S/U status and whether they are checked. The check itself is code; an edit
 * here changes what every draft's findings say at its next reading.
 */
export function RulesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const isCa = me.roles.includes("central_authority");
  const rules = useRules();
  const [editing, setEditing] = useState<string | null>(null);
  if (!isCa && !me.roles.includes("requesting_agency")) return <NotFound message={t("errors.forbidden")} />;
  const rule = rules.data?.items.find((r) => r.rule.code === editing);

  return (
    <Stack gap="md" maw={1400} data-testid="mla-rules-page">
      <Title order={1} size="h2">
        {t("mlaDirectory.rulesTitle")}
      </Title>
      <Text size="sm" c="dimmed">
        {isCa ? t("mlaDirectory.rulesHelpCa") : t("mlaDirectory.rulesHelpAgency")}
      </Text>
      <Card withBorder>
        {rules.isPending && (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        )}
        {rules.isError && <QueryError error={rules.error} testId="mla-rules-error" />}
        {rules.data && (
          <Table.ScrollContainer minWidth={1000}>
            <Table fz="sm" verticalSpacing="xs" data-testid="mla-rules-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>{t("mlaDirectory.rule")}</Table.Th>
                  <Table.Th>{t("mlaDirectory.severity")}</Table.Th>
                  <Table.Th>{t("mlaDirectory.appliesTo")}</Table.Th>
                  <Table.Th>{t("mlaDirectory.source")}</Table.Th>
                  <Table.Th>{t("mlaDirectory.enabled")}</Table.Th>
                  {isCa && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rules.data.items.map(({ rule: r, enabled, version }) => (
                  <Table.Tr
                    key={r.code}
                    data-testid="mla-rule-row"
                    data-code={r.code}
                    data-version={version}
                    data-enabled={enabled}
                    data-severity={r.severity}
                    opacity={enabled ? 1 : 0.6}
                  >
                    <Table.Td>{r.number}</Table.Td>
                    <Table.Td maw={420}>
                      <Text size="sm" data-testid="mla-rule-title">
                        <bdi>{locale === "ur" ? r.title_ur : r.title_en}</bdi>
                      </Text>
                      <Text size="xs" c="dimmed" className="ltr">
                        {r.code} · v{version}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={SEVERITY_COLOR[r.severity]}
                        variant="light"
                        data-testid="mla-rule-severity"
                      >
                        {t(`mlaDirectory.severityName.${r.severity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {r.applies_to
                          .map((k) => t(`mla.kinds.${k}`, { defaultValue: k }))
                          .join(t("common.listSeparator"))}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <StatusMarker status={r.status} source={r.source} testId="mla-rule-status" />
                        <Text size="xs" lineClamp={3} title={r.source} data-testid="mla-rule-source">
                          <bdi lang="en">{r.source}</bdi>
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={enabled ? "teal" : "gray"}
                        variant="outline"
                        data-testid="mla-rule-enabled"
                      >
                        {enabled ? t("mlaDirectory.on") : t("mlaDirectory.off")}
                      </Badge>
                    </Table.Td>
                    {isCa && (
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => setEditing(r.code)}
                          data-testid="mla-rule-edit"
                        >
                          {t("common.edit")}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {rule && (
        <RuleDialog
          item={rule}
          onClose={() => setEditing(null)}
          latest={async () => (await rules.refetch()).data?.items}
        />
      )}
    </Stack>
  );
}
