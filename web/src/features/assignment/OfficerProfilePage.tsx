import { Anchor, Badge, Card, Center, Grid, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { OfficerProfileDto } from "../../../../common/schemas/assignment.ts";
import { formatDate, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import { useCaseList } from "../cases/api.ts";
import { ConflictsPanel } from "./ConflictsPanel.tsx";
import { useExplain } from "./explain.ts";
import { LeavesPanel } from "./LeavesPanel.tsx";
import { useOfficerProfile } from "./officersApi.ts";
import { ProfileForm } from "./ProfileForm.tsx";

/**
 * One law officer: load and open cases, the profile the engine uses, competences from training, leave and
 * conflicts of interest.
 */
export function OfficerProfilePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const { name } = useLocale();
  const { num, tier } = useExplain();
  const allowed = me.abilities.assignCases;
  const query = useOfficerProfile(allowed ? id : "");
  if (!allowed) return <NotFound message={t("errors.forbidden")} />;
  if (query.isPending)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  if (query.isError) return <QueryError error={query.error} testId="profile-load-error" />;
  const p = query.data;
  const hasProfile = p.version > 0;

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Anchor component={Link} to="/assignment/officers" size="sm">
          {t("officers.back")}
        </Anchor>
        <Title order={1} size="h2" data-testid="profile-name">
          <bdi>{p.fullName}</bdi>
        </Title>
        <Text c="dimmed" size="sm">
          <bdi>{p.designation}</bdi> · {name(p.office)}
        </Text>
        <Group gap="xs" mt={4}>
          <Badge variant="light">{tier(p.tier)}</Badge>
          <Badge variant="light" color={p.active ? "teal" : "gray"}>
            {p.active ? t("assignment.active") : t("assignment.inactive")}
          </Badge>
          {p.onLeaveToday && <Badge color="orange">{t("assignment.onLeave")}</Badge>}
          {!hasProfile && (
            <Badge color="red" variant="light" data-testid="profile-missing">
              {t("officers.noProfile")}
            </Badge>
          )}
        </Group>
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ProfileForm
            key={p.userId}
            profile={p}
            editable
            reload={async () => (await query.refetch()).data}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t("officers.currentLoad")}
              </Title>
              <Text data-testid="profile-load" data-load={p.load} data-max-load={p.maxLoad}>
                {t("assignment.loadOf", { load: num(p.load), max: num(p.maxLoad) })}
              </Text>
              <Text size="sm" data-testid="profile-open-cases" data-count={p.openCases}>
                {t("assignment.openCases", { count: p.openCases, n: num(p.openCases) })}
              </Text>
              <OpenCases officerId={p.userId} />
            </Card>
            <Competences competences={p.competences} />
            {hasProfile ? (
              <>
                <LeavesPanel profile={p} editable />
                <ConflictsPanel profile={p} editable />
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t("officers.saveFirst")}
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Competences from completed training (issue 9), each with the certificate it rests on. */
function Competences({ competences }: { competences: OfficerProfileDto["competences"] }) {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  return (
    <Card withBorder data-testid="profile-competences" data-count={competences.length}>
      <Title order={2} size="h4">
        {t("officers.competences")}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("officers.competencesHelp")}
      </Text>
      {competences.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="profile-competences-none">
          {t("officers.noCompetences")}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("officers.competences")}</Table.Th>
              <Table.Th>{t("officers.competenceModule")}</Table.Th>
              <Table.Th>{t("officers.competenceIssued")}</Table.Th>
              <Table.Th>{t("officers.competenceCertificate")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {competences.map((c) => (
              <Table.Tr
                key={`${c.code}-${c.certificateCode}`}
                data-testid="profile-competence"
                data-code={c.code}
              >
                <Table.Td>
                  <Text size="sm">
                    <bdi>{name(c)}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    <bdi>{c.moduleTitle}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td className="nowrap">
                  <Text size="xs">{formatDate(c.issuedAt, locale)}</Text>
                </Table.Td>
                <Table.Td className="nowrap">
                  {/* the code only for its holder and the overseers of their organisation */}
                  {c.certificateCode && (
                    <Anchor
                      component={Link}
                      to={`/verify/${encodeURIComponent(c.certificateCode)}`}
                      size="xs"
                      className="ltr"
                      data-testid="profile-competence-certificate"
                    >
                      {c.certificateCode}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function OpenCases({ officerId }: { officerId: string }) {
  const { t } = useTranslation();
  const cases = useCaseList({ assignedTo: officerId, status: "pending", pageSize: 10 });
  if (!cases.data || cases.data.items.length === 0) return null;
  return (
    <>
      <Table verticalSpacing={4} mt="xs" data-testid="profile-cases">
        <Table.Tbody>
          {cases.data.items.map((c) => (
            <Table.Tr key={c.id} data-testid="profile-case" data-case-id={c.id}>
              <Table.Td className="nowrap">
                <Anchor component={Link} to={`/cases/${c.id}`} size="xs" className="ltr">
                  {c.displayNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="xs" lineClamp={1}>
                  <bdi>{c.title}</bdi>
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Anchor
        component={Link}
        to={`/cases?assignedTo=${officerId}`}
        size="sm"
        data-testid="profile-all-cases"
      >
        {t("officers.allCases", { count: cases.data.total })}
      </Anchor>
    </>
  );
}
