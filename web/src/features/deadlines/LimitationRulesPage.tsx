import { Badge, Button, Card, Center, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { canManageReference } from "../../app/abilities.ts";
import { QueryError } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import { StatusMarker } from "../reference/CourtsTab.tsx";
import { NamePair } from "../reference/NamePair.tsx";
import { type LimitationRule, useLimitationRules } from "./api.ts";
import { RuleEditModal } from "./RuleEditModal.tsx";

/**
 * The limitation rules (administrators): each rule's period, safety margin, whether the certified-copy time is
 * excluded, where the appeal is filed, when it is proposed, and its source with V/S/U status. Edits are audited
 * and take a version; deadlines already computed keep their rule's old figures until recomputed.
 */
export function LimitationRulesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = canManageReference(me);
  const rules = useLimitationRules(allowed);
  const [editing, setEditing] = useState<string | null>(null);
  if (!allowed) return <NotFound message={t("errors.forbidden")} />;
  const rule = rules.data?.find((r) => r.code === editing);

  return (
    <Stack gap="md" maw={1400} data-testid="rules-page">
      <Title order={1} size="h2">
        {t("rules.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("rules.help")}
      </Text>
      <Card withBorder>
        {rules.isPending && (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        )}
        {rules.isError && <QueryError error={rules.error} testId="rules-error" />}
        {rules.data && <RulesTable items={rules.data} onEdit={setEditing} />}
      </Card>
      {rule && (
        <RuleEditModal
          rule={rule}
          onClose={() => setEditing(null)}
          latest={async () => (await rules.refetch()).data}
        />
      )}
    </Stack>
  );
}

function RulesTable({ items, onEdit }: { items: LimitationRule[]; onEdit: (code: string) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table fz="sm" verticalSpacing="xs" data-testid="rules-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("rules.rule")}</Table.Th>
            <Table.Th>{t("rules.days")}</Table.Th>
            <Table.Th>{t("rules.margin")}</Table.Th>
            <Table.Th>{t("rules.copyExcluded")}</Table.Th>
            <Table.Th>{t("rules.filedIn")}</Table.Th>
            <Table.Th>{t("rules.appliesWhen")}</Table.Th>
            <Table.Th>{t("reference.source")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr
              key={r.code}
              data-testid="rule-row"
              data-code={r.code}
              data-version={r.version}
              data-days={r.days ?? ""}
              data-status={r.status}
            >
              <Table.Td maw={360}>
                <NamePair named={r} />
                <Text size="xs" c="dimmed" className="ltr">
                  {r.code} · v{r.version}
                </Text>
              </Table.Td>
              <Table.Td data-testid="rule-days">
                {r.days === null ? (
                  <Badge color="orange" variant="light">
                    {t("rules.noPeriod")}
                  </Badge>
                ) : (
                  t("rules.daysN", { count: r.days })
                )}
              </Table.Td>
              <Table.Td data-testid="rule-margin">{t("rules.daysN", { count: r.marginDays })}</Table.Td>
              <Table.Td data-testid="rule-copy-excluded" data-value={r.certifiedCopyExcluded}>
                {r.certifiedCopyExcluded ? t("rules.yes") : t("rules.no")}
              </Table.Td>
              <Table.Td data-testid="rule-filed-in" data-value={r.filedIn}>
                {r.filedIn === "*" ? (
                  t("rules.anyCourt")
                ) : r.filedIn === "same_court" ? (
                  t("rules.sameCourt")
                ) : (
                  <span className="ltr">{r.filedIn}</span>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {(r.appliesWhen.courtLevels ?? [])
                    .map((l) => t(`courtLevel.${l}`, { defaultValue: l }))
                    .join(t("common.listSeparator")) || "—"}
                </Text>
                {(r.appliesWhen.caseTypes ?? []).length > 0 && (
                  <Text size="xs" c="dimmed" className="ltr">
                    {r.appliesWhen.caseTypes?.join(", ")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={320}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <StatusMarker status={r.status} source={r.source} testId="rule-status" />
                  <Text size="xs" lineClamp={3} title={r.source} data-testid="rule-source">
                    <bdi lang="en">{r.source}</bdi>
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => onEdit(r.code)}
                  data-testid="rule-edit"
                >
                  {t("common.edit")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
