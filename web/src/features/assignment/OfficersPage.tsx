import { Anchor, Badge, Center, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryError } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import { useExplain } from "./explain.ts";
import { OfficePicker, useOffice } from "./office.tsx";
import { useOfficerProfiles } from "./officersApi.ts";

/** The office's law officers with their profile at a glance; each opens the profile page. */
export function OfficersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const office = useOffice();
  const { num, tier } = useExplain();
  const officers = useOfficerProfiles(me.abilities.assignCases ? office.officeId : undefined);
  if (!me.abilities.assignCases) return <NotFound message={t("errors.forbidden")} />;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("officers.title")}
      </Title>
      <OfficePicker office={office} />
      {officers.isError && <QueryError error={officers.error} />}
      {officers.isPending && (
        <Center p="xl">
          <Loader />
        </Center>
      )}
      {officers.data?.length === 0 && (
        <Text c="dimmed" data-testid="officer-empty">
          {t("assignment.noOfficers")}
        </Text>
      )}
      {officers.data && officers.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="officer-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("fields.fullName")}</Table.Th>
                <Table.Th>{t("officers.tier")}</Table.Th>
                <Table.Th>{t("officers.seats")}</Table.Th>
                <Table.Th>{t("officers.expertise")}</Table.Th>
                <Table.Th>{t("assignment.openCasesHeader")}</Table.Th>
                <Table.Th>{t("officers.load")}</Table.Th>
                <Table.Th>{t("fields.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {officers.data.map((o) => (
                <Table.Tr key={o.userId} data-testid="officer-row" data-officer-id={o.userId}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/assignment/officers/${o.userId}`}
                      data-testid="officer-link"
                    >
                      <bdi>{o.fullName}</bdi>
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      <bdi>{o.designation}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>{tier(o.tier)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {o.seats.map((s) => (
                        <Badge
                          key={`${s.courtId}:${s.benchId ?? ""}`}
                          size="xs"
                          variant="outline"
                          title={s.label}
                        >
                          <span className="ltr">
                            {s.benchCode ? `${s.courtCode}/${s.benchCode}` : s.courtCode}
                          </span>
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {o.expertise.length === 0
                      ? "—"
                      : o.expertise
                          .map((c) => t(`category.${c}`, { defaultValue: c }))
                          .join(t("common.listSeparator"))}
                  </Table.Td>
                  <Table.Td>{num(o.openCases)}</Table.Td>
                  <Table.Td className="nowrap">
                    {t("assignment.loadOf", { load: num(o.load), max: num(o.maxLoad) })}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge size="sm" variant="light" color={o.active ? "teal" : "gray"}>
                        {o.active ? t("assignment.active") : t("assignment.inactive")}
                      </Badge>
                      {o.onLeaveToday && (
                        <Badge size="sm" color="orange">
                          {t("assignment.onLeave")}
                        </Badge>
                      )}
                      {o.version === 0 && (
                        <Badge size="sm" color="red" variant="light">
                          {t("officers.noProfile")}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
