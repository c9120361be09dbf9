import { Button, Center, Group, Loader, Pagination, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { QueryError } from "../../app/forms.tsx";
import { useMe } from "../../app/session.tsx";
import { ExportMenu } from "../exports/ExportMenu.tsx";
import { SavedFilters } from "../reports/SavedFilters.tsx";
import { useCaseList } from "./api.ts";
import { CaseFilters } from "./CaseFilters.tsx";
import { CaseTable } from "./CaseTable.tsx";
import { DRILL_KEYS, DrillFilters } from "./DrillFilters.tsx";
import type { CaseListQuery } from "./types.ts";

const PAGE_SIZE = 25;
const KEYS = [
  "q",
  "organisationId",
  "courtId",
  "caseTypeId",
  "status",
  "year",
  "flag",
  "assignedTo",
  ...DRILL_KEYS,
] as const;

/** The case register: every filter lives in the URL, so a search can be bookmarked and Back works. */
export function CaseListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();

  const query = useMemo<CaseListQuery>(() => {
    const q: CaseListQuery = { page: Math.max(1, Number(params.get("page")) || 1), pageSize: PAGE_SIZE };
    for (const key of KEYS) {
      const v = params.get(key);
      if (v) q[key] = v;
    }
    return q;
  }, [params]);

  const list = useCaseList(query);

  function update(patch: Partial<CaseListQuery>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === "") next.delete(key);
      else next.set(key, String(value));
    }
    if (!("page" in patch)) next.delete("page");
    setParams(next);
  }

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("cases.listTitle")}
        </Title>
        <Group gap="xs" align="flex-start">
          <ExportMenu query={query} />
          {me.abilities.registerCases && (
            <Button component={Link} to="/cases/new" data-testid="case-new">
              {t("nav.newCase")}
            </Button>
          )}
        </Group>
      </Group>
      <CaseFilters query={query} onChange={update} />
      <SavedFilters />
      <DrillFilters
        query={query}
        onClear={(keys) => update(Object.fromEntries(keys.map((k) => [k, undefined])))}
      />
      {list.isError && <QueryError error={list.error} testId="case-list-error" />}
      {list.isPending && (
        <Center p="xl">
          <Loader />
        </Center>
      )}
      {list.data && (
        <>
          <Group justify="space-between">
            {/* busy while a new filter's rows load: the previous list stays on screen until then */}
            <Text
              size="sm"
              c="dimmed"
              data-testid="case-total"
              data-total={total}
              aria-busy={list.isFetching}
            >
              {list.data.totalCapped
                ? t(query.q ? "cases.foundCappedSearch" : "cases.foundCapped", { count: total })
                : t("cases.found", { count: total })}
            </Text>
            {list.isFetching && <Loader size="xs" />}
          </Group>
          {list.data.items.length > 0 ? (
            <CaseTable items={list.data.items} />
          ) : (
            <Text c="dimmed" ta="center" p="xl" data-testid="case-empty">
              {t("cases.empty")}
            </Text>
          )}
          {pages > 1 && (
            <Center>
              <Pagination
                total={pages}
                value={query.page ?? 1}
                onChange={(page) => update({ page })}
                data-testid="case-pagination"
              />
            </Center>
          )}
        </>
      )}
    </Stack>
  );
}
