import { ActionIcon, Button, Group, Select, SimpleGrid, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";
import { useMe } from "../../app/session.tsx";
import { OrganisationSelect } from "../organisations/OrganisationSelect.tsx";
import { useCaseTypes, useCourts } from "../reference/api.ts";
import { useEnumOptions } from "./labels.tsx";
import { type CaseListQuery, FLAGS, STATUSES } from "./types.ts";

type Props = {
  query: CaseListQuery;
  onChange: (patch: Partial<CaseListQuery>) => void;
};

export function CaseFilters({ query, onChange }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { name } = useLocale();
  const courts = useCourts();
  const caseTypes = useCaseTypes();
  const [q, setQ] = useState(query.q ?? "");
  const [year, setYear] = useState(query.year ?? "");
  useEffect(() => setQ(query.q ?? ""), [query.q]);
  useEffect(() => setYear(query.year ?? ""), [query.year]);

  const courtOptions = useMemo(
    () => (courts.data ?? []).map((c) => ({ value: c.id, label: name(c) })),
    [courts.data, name],
  );
  const typeOptions = useMemo(
    () => (caseTypes.data ?? []).map((c) => ({ value: c.id, label: `${c.abbreviation} — ${name(c)}` })),
    [caseTypes.data, name],
  );
  const statusOptions = useEnumOptions(STATUSES, "status");
  const flagOptions = useEnumOptions(FLAGS, "flags");
  const assignedOptions = [
    { value: "me", label: t("cases.assignedToMe") },
    { value: "unassigned", label: t("cases.unassigned") },
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    const y = year.trim();
    onChange({ q: q.trim() || undefined, year: /^\d{4}$/.test(y) ? y : undefined });
  }

  const hasFilters = Boolean(
    query.q ||
      query.organisationId ||
      query.courtId ||
      query.caseTypeId ||
      query.status ||
      query.year ||
      query.flag ||
      query.assignedTo,
  );

  return (
    <search>
      <form onSubmit={submit} data-testid="case-search-form">
        <Group align="flex-end" gap="xs" mb="sm" wrap="nowrap">
          <TextInput
            flex={1}
            label={t("cases.search")}
            placeholder={t("cases.searchPlaceholder")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-testid="case-search"
            type="search"
          />
          <Button type="submit" data-testid="case-search-submit">
            {t("common.search")}
          </Button>
          {hasFilters && (
            <ActionIcon
              variant="subtle"
              size="lg"
              mb={2}
              aria-label={t("common.clearFilters")}
              title={t("common.clearFilters")}
              data-testid="case-filters-clear"
              onClick={() =>
                onChange({
                  q: undefined,
                  organisationId: undefined,
                  courtId: undefined,
                  caseTypeId: undefined,
                  status: undefined,
                  year: undefined,
                  flag: undefined,
                  assignedTo: undefined,
                })
              }
            >
              ✕
            </ActionIcon>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4, xl: 7 }} spacing="xs" mb="md">
          {me.abilities.viewAllCases && (
            <OrganisationSelect
              label={t("fields.organisation")}
              clearable
              placeholder={t("common.all")}
              value={query.organisationId ?? null}
              onChange={(v) => onChange({ organisationId: v ?? undefined })}
              data-testid="case-filter-organisation"
            />
          )}
          <Select
            label={t("fields.court")}
            searchable
            clearable
            placeholder={t("common.all")}
            data={courtOptions}
            value={query.courtId ?? null}
            onChange={(v) => onChange({ courtId: v ?? undefined })}
            data-testid="case-filter-court"
          />
          <Select
            label={t("fields.caseType")}
            searchable
            clearable
            placeholder={t("common.all")}
            data={typeOptions}
            value={query.caseTypeId ?? null}
            onChange={(v) => onChange({ caseTypeId: v ?? undefined })}
            data-testid="case-filter-type"
          />
          <Select
            label={t("fields.status")}
            clearable
            placeholder={t("common.all")}
            data={statusOptions}
            value={query.status ?? null}
            onChange={(v) => onChange({ status: v ?? undefined })}
            data-testid="case-filter-status"
          />
          <TextInput
            label={t("fields.year")}
            inputMode="numeric"
            maxLength={4}
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
            onBlur={() => {
              const y = year.trim();
              if ((y === "" || /^\d{4}$/.test(y)) && y !== (query.year ?? ""))
                onChange({ year: y || undefined });
            }}
            data-testid="case-filter-year"
          />
          <Select
            label={t("fields.flag")}
            clearable
            placeholder={t("common.all")}
            data={flagOptions}
            value={query.flag ?? null}
            onChange={(v) => onChange({ flag: v ?? undefined })}
            data-testid="case-filter-flag"
          />
          <Select
            label={t("cases.assignedTo")}
            clearable
            placeholder={t("common.all")}
            data={assignedOptions}
            value={query.assignedTo ?? null}
            onChange={(v) => onChange({ assignedTo: v ?? undefined })}
            data-testid="case-filter-assigned"
          />
        </SimpleGrid>
      </form>
    </search>
  );
}
