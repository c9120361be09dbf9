import { Button, Group, Menu, Modal, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { api, get, type Items, post } from "../../app/api.ts";

/** A saved case-list filter as the API presents it (common/schemas/reports.ts). */
type SavedFilter = {
  id: string;
  name: string;
  query: Record<string, unknown>;
  version: number;
  subscription: { weekday: number; lastSentOn: string | null } | null;
};

const KEY = ["saved-filters"] as const;

/** The list's URL for a saved query; the default page size is left out as the list page never sets it. */
function searchOf(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "" || (k === "pageSize" && v === 25)) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Weekday names in the reader's language from the browser (1 January 2023 was a Sunday, weekday 0). */
function weekdays(lang: string) {
  const f = new Intl.DateTimeFormat(lang, { weekday: "long", timeZone: "UTC" });
  return Array.from({ length: 7 }, (_, d) => ({
    value: String(d),
    label: f.format(Date.UTC(2023, 0, 1 + d)),
  }));
}

/** The case list's saved filters: save the current URL's filter, apply one, rename, delete, email weekly. */
export function SavedFilters() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  const [name, setName] = useState("");

  const list = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => get<Items<SavedFilter>>("/saved-filters", undefined, signal),
  });
  const refresh = () => client.invalidateQueries({ queryKey: KEY });
  const save = useMutation({
    mutationFn: () => {
      const query = Object.fromEntries([...params].filter(([k]) => k !== "page" && k !== "pageSize"));
      return post<SavedFilter>("/saved-filters", { name, query });
    },
    onSuccess: () => {
      setSaving(false);
      setName("");
      return refresh();
    },
  });
  const filters = list.data?.items ?? [];

  return (
    <Group gap="xs">
      <Button variant="light" onClick={() => setSaving(true)} data-testid="saved-filter-save">
        {t("reports.saveFilter")}
      </Button>
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="default" data-testid="saved-filters-menu">
            {t("reports.savedFilters")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {filters.length === 0 && <Menu.Label>{t("reports.none")}</Menu.Label>}
          {filters.map((f) => (
            <Menu.Item
              key={f.id}
              onClick={() => navigate(`/cases${searchOf(f.query)}`)}
              data-testid="saved-filter-apply"
            >
              {f.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setManaging(true)} data-testid="saved-filters-manage">
            {t("reports.manage")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>

      <Modal opened={saving} onClose={() => setSaving(false)} title={t("reports.saveFilter")}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            <TextInput
              label={t("reports.name")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              maxLength={100}
              data-autofocus
              data-testid="saved-filter-name"
            />
            {save.error && <Text c="red">{save.error.message}</Text>}
            <Button type="submit" loading={save.isPending} data-testid="saved-filter-submit">
              {t("common.save")}
            </Button>
          </Stack>
        </form>
      </Modal>

      <Modal opened={managing} onClose={() => setManaging(false)} title={t("reports.savedFilters")} size="lg">
        <Stack>
          {filters.length === 0 && <Text>{t("reports.none")}</Text>}
          {filters.map((f) => (
            <FilterRow key={f.id} filter={f} lang={i18n.language} onChanged={refresh} />
          ))}
        </Stack>
      </Modal>
    </Group>
  );
}

function FilterRow({
  filter,
  lang,
  onChanged,
}: {
  filter: SavedFilter;
  lang: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(filter.name);
  const [weekday, setWeekday] = useState(String(filter.subscription?.weekday ?? 1));
  const path = `/saved-filters/${filter.id}`;
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: onChanged,
  });
  const subscribe = (day: string) => act.mutate(() => post(`${path}/subscription`, { weekday: Number(day) }));

  return (
    <Stack gap={4} data-testid="saved-filter-row">
      <Group gap="xs" align="end">
        <TextInput
          label={t("reports.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          style={{ flex: 1 }}
          data-testid="saved-filter-rename"
        />
        <Button
          variant="default"
          disabled={name.trim() === "" || name === filter.name}
          onClick={() =>
            act.mutate(() => api(path, { method: "PUT", body: { name, version: filter.version } }))
          }
        >
          {t("reports.rename")}
        </Button>
        <Button
          color="red"
          variant="light"
          onClick={() => act.mutate(() => api(`${path}?version=${filter.version}`, { method: "DELETE" }))}
          data-testid="saved-filter-delete"
        >
          {t("reports.delete")}
        </Button>
      </Group>
      <Group gap="xs">
        <Switch
          label={t("reports.weekly")}
          checked={filter.subscription !== null}
          onChange={(e) =>
            e.currentTarget.checked
              ? subscribe(weekday)
              : act.mutate(() => api(`${path}/subscription`, { method: "DELETE" }))
          }
          data-testid="saved-filter-weekly"
        />
        <Select
          aria-label={t("reports.weekday")}
          data={weekdays(lang)}
          value={weekday}
          allowDeselect={false}
          onChange={(v) => {
            if (!v) return;
            setWeekday(v);
            if (filter.subscription) subscribe(v);
          }}
          w={160}
          data-testid="saved-filter-weekday"
        />
      </Group>
      {filter.subscription?.lastSentOn && (
        <Text size="xs" c="dimmed">
          {t("reports.lastSent", { day: filter.subscription.lastSentOn })}
        </Text>
      )}
      {act.error && <Text c="red">{act.error.message}</Text>}
    </Stack>
  );
}
