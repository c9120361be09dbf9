import { Center, Group, Loader, Select, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { Dashboard } from "../../../../common/schemas/dashboard.ts";
import { get } from "../../app/api.ts";
import { formatDate, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { intlLocale, type Locale } from "../../app/i18n.ts";
import { useMe } from "../../app/session.tsx";
import { useOrganisations } from "../organisations/api.ts";
import "./dashboard.css";
import { DashboardScope } from "./downloads.tsx";
import { HeatMap } from "./HeatMap.tsx";
import {
  Attention,
  Delays,
  Disposal,
  Exposure,
  Hearings,
  Pendency,
  TotalBadge,
  Workload,
} from "./sections.tsx";

/**
 * The executive dashboard (issue 6 item 1) and, with ?organisationId=, an organisation's (item 2): the server
 * counts within the reader's case scope; every bar, cell and number links to the case list filtered to it.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { name, locale } = useLocale();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const organisationId = params.get("organisationId") ?? undefined;
  const lawMinistry = me.roles.includes("law_ministry");
  const organisations = useOrganisations();
  const query = useQuery({
    queryKey: ["dashboard", organisationId ?? null],
    queryFn: ({ signal }) => get<Dashboard>("/dashboard", { organisationId }, signal),
    placeholderData: keepPreviousData,
  });

  // The Law Ministry may open any organisation's dashboard; everyone else their own.
  const choices = (lawMinistry ? (organisations.data ?? []) : [me.organisation]).map((o) => ({
    value: o.id,
    label: name(o),
  }));
  const d = query.data;
  return (
    <Stack gap="md" maw={1400} data-testid="dashboard-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {d?.organisation ? t("dashboard.titleFor", { name: name(d.organisation) }) : t("dashboard.title")}
          </Title>
          {d && (
            <Text size="sm" c="dimmed" data-testid="dashboard-as-of">
              {t("dashboard.asOf", { date: formatDate(d.asOf, locale) })}
            </Text>
          )}
          {d?.freshness.countedAt && (
            <Text size="sm" c="dimmed" data-testid="dashboard-freshness">
              {t("dashboard.freshness", {
                ...countedAt(d.freshness.countedAt, locale),
                minutes: d.freshness.everyMinutes,
              })}
            </Text>
          )}
        </Stack>
        <Group align="flex-end">
          {d && <TotalBadge d={d} />}
          <Select
            label={t("dashboard.scope")}
            placeholder={t("dashboard.scopeAll")}
            searchable
            clearable
            data={choices}
            value={organisationId ?? null}
            onChange={(v) => setParams(v ? { organisationId: v } : {})}
            w={300}
            data-testid="dashboard-organisation"
          />
        </Group>
      </Group>
      {query.isError && <QueryError error={query.error} testId="dashboard-error" />}
      {!d && !query.isError && (
        <Center p="xl">
          <Loader />
        </Center>
      )}
      {d && (
        <DashboardScope.Provider value={d.organisation?.id}>
          <Attention d={d} />
          <Pendency d={d} />
          <HeatMap d={d} />
          <Exposure d={d} />
          <Disposal d={d} />
          <Hearings d={d} />
          <Delays d={d} />
          <Workload d={d} />
        </DashboardScope.Provider>
      )}
    </Stack>
  );
}

/** The pre-count's moment as the courts read it (Pakistan time, 24-hour clock in both languages). */
function countedAt(iso: string, locale: Locale) {
  const at = new Date(iso);
  const lang = intlLocale(locale);
  const zone = { timeZone: "Asia/Karachi" } as const;
  return {
    time: new Intl.DateTimeFormat(lang, {
      ...zone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(at),
    date: new Intl.DateTimeFormat(lang, { ...zone, day: "numeric", month: "short", year: "numeric" }).format(
      at,
    ),
  };
}
