import { Anchor, Badge, Center, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isolate, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { certificatePdfUrl, useMyTraining, verifyPath } from "./api.ts";
import { formatDayOf, StatusBadge, usePercent } from "./TrainingBits.tsx";

/** /training/me: the modules I am enrolled in with my progress, my certificates and the competences they give. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const { name } = useLocale();
  const percent = usePercent();
  const query = useMyTraining();

  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={t("training.loading")} />
      </Center>
    );
  }
  if (query.isError) return <QueryError error={query.error} />;
  const { modules, certificates, competences } = query.data;

  return (
    <Stack data-testid="training-me">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          {t("training.myLearning")}
        </Title>
        <Anchor component={Link} to="/training" data-testid="training-back">
          {t("training.backToCatalogue")}
        </Anchor>
      </Group>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="training-me-modules">
        <Title order={2} size="h4" mb="sm" id="training-me-modules">
          {t("training.me.modules")}
        </Title>
        {modules.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="training-me-no-modules">
            {t("training.me.noModules")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("training.me.module")}</Table.Th>
                  <Table.Th>{t("training.me.progress")}</Table.Th>
                  <Table.Th>{t("training.me.bestScore")}</Table.Th>
                  <Table.Th>{t("training.me.enrolled")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {modules.map((m) => (
                  <Table.Tr key={m.id} data-testid="training-me-module" data-code={m.code}>
                    <Table.Td>
                      <Anchor component={Link} to={`/training/modules/${m.id}`} lang={m.language}>
                        <bdi>{m.title}</bdi>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge module={m} testId="training-me-status" />
                    </Table.Td>
                    <Table.Td>
                      {m.mine?.bestPercent == null ? "—" : `${percent(m.mine.bestPercent)}%`}
                    </Table.Td>
                    <Table.Td>{formatDayOf(m.mine?.enrolledAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="training-me-certificates">
        <Title order={2} size="h4" mb="sm" id="training-me-certificates">
          {t("training.me.certificates")}
        </Title>
        {certificates.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("training.me.noCertificates")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("training.certificateCode")}</Table.Th>
                  <Table.Th>{t("training.me.module")}</Table.Th>
                  <Table.Th>{t("training.me.issued")}</Table.Th>
                  <Table.Th>{t("training.me.state")}</Table.Th>
                  <Table.Th>{t("training.me.links")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {certificates.map((c) => (
                  <Table.Tr key={c.id} data-testid="training-me-certificate" data-code={c.code}>
                    <Table.Td className="ltr">{c.code}</Table.Td>
                    <Table.Td>
                      <bdi>{c.module.title}</bdi>
                    </Table.Td>
                    <Table.Td>{formatDayOf(c.issuedAt)}</Table.Td>
                    <Table.Td>
                      {c.revokedAt ? (
                        <Badge color="red" variant="light" title={c.revokeReason ?? undefined}>
                          {t("training.me.revokedOn", { date: formatDayOf(c.revokedAt) })}
                        </Badge>
                      ) : (
                        <Badge color="teal" variant="light">
                          {t("training.me.valid")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <Anchor href={certificatePdfUrl(c.id)} download size="sm">
                          {t("training.me.pdf")}
                        </Anchor>
                        <Anchor component={Link} to={verifyPath(c.code)} size="sm">
                          {t("training.me.verify")}
                        </Anchor>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="training-me-competences">
        <Title order={2} size="h4" mb="sm" id="training-me-competences">
          {t("training.me.competences")}
        </Title>
        {competences.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("training.me.noCompetences")}
          </Text>
        ) : (
          <Stack gap="xs">
            {competences.map((c) => (
              <div key={c.code} data-testid="training-me-competence" data-code={c.code}>
                <Text fw={500}>
                  <bdi>{name(c)}</bdi>
                </Text>
                <Text size="xs" c="dimmed">
                  {t("training.me.competenceFrom", {
                    module: isolate(c.moduleTitle),
                    date: formatDayOf(c.issuedAt),
                  })}{" "}
                  · <span className="ltr">{c.certificateCode}</span>
                </Text>
              </div>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
