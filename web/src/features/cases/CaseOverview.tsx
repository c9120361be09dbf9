import { Badge, Card, Grid, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatAmount, formatDate, formatDateTime, useLocale } from "../../app/format.ts";
import { CaseAccess } from "./CaseAccess.tsx";
import { CaseLinks } from "./CaseLinks.tsx";
import { CaseStatusForm } from "./CaseStatusForm.tsx";
import { type CaseDetail, FLAGS } from "./types.ts";

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children || "—"}
      </Text>
    </div>
  );
}

export function CaseOverview({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { name, locale } = useLocale();
  const sortedParties = [...c.parties].sort((a, b) => a.position - b.position);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t("cases.details")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" data-testid="case-details">
              <Field label={t("fields.court")} testId="case-court-name">
                {name(c.court)}
              </Field>
              <Field label={t("fields.bench")}>{c.bench ? name(c.bench) : "—"}</Field>
              <Field label={t("fields.caseType")}>
                <span className="ltr">{c.caseType.abbreviation}</span>
              </Field>
              <Field label={t("fields.organisation")} testId="case-organisation-name">
                {name(c.organisation)}
              </Field>
              <Field label={t("fields.category")}>{t(`category.${c.category}`)}</Field>
              <Field label={t("fields.stage")}>{c.stage ? t(`stage.${c.stage}`) : "—"}</Field>
              <Field label={t("fields.amountInvolved")}>{formatAmount(c.amountInvolved, locale)}</Field>
              <Field label={t("fields.filedOn")}>{formatDate(c.filedOn, locale)}</Field>
              <Field label={t("fields.noticeReceivedOn")}>{formatDate(c.noticeReceivedOn, locale)}</Field>
              {c.status !== "pending" && (
                <>
                  <Field label={t("fields.decidedOn")}>{formatDate(c.decidedOn, locale)}</Field>
                  <Field label={t("fields.outcome")}>{c.outcome ? t(`outcome.${c.outcome}`) : "—"}</Field>
                  <Field label={t("fields.governmentResult")}>
                    {c.governmentResult ? t(`governmentResult.${c.governmentResult}`) : "—"}
                  </Field>
                </>
              )}
              <Field label={t("cases.registeredOn")}>{formatDateTime(c.createdAt, locale)}</Field>
              <Field label={t("fields.flags")}>
                {FLAGS.filter((f) => c.flags[f])
                  .map((f) => t(`flags.${f}`))
                  .join(t("common.listSeparator"))}
              </Field>
            </SimpleGrid>
            {c.subject && (
              <Stack gap={2} mt="sm">
                <Text size="xs" c="dimmed">
                  {t("fields.subject")}
                </Text>
                <Text size="sm" className="prewrap" data-testid="case-subject-text">
                  <bdi>{c.subject}</bdi>
                </Text>
              </Stack>
            )}
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t("cases.parties")}
            </Title>
            <Table data-testid="case-parties">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>#</Table.Th>
                  <Table.Th>{t("fields.side")}</Table.Th>
                  <Table.Th>{t("fields.partyName")}</Table.Th>
                  <Table.Th>{t("fields.governmentOrganisation")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sortedParties.map((p, i) => (
                  <Table.Tr key={p.id} data-testid="case-party">
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray">
                        {t(`side.${p.side}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <bdi>{p.name}</bdi>
                    </Table.Td>
                    <Table.Td>{p.organisation ? name(p.organisation) : "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <CaseLinks c={c} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="md">
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t("cases.assignedOfficer")}
            </Title>
            <Text data-testid="case-assigned-officer">
              {c.assignedOfficer ? <bdi>{c.assignedOfficer.fullName}</bdi> : t("cases.unassigned")}
            </Text>
          </Card>
          {c.flags.confidential && <CaseAccess c={c} />}
          {c.abilities.changeStatus && c.allowedTransitions.length > 0 && <CaseStatusForm c={c} />}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
