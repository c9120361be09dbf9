import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { StatusMarker } from "../../reference/CourtsTab.tsx";
import { type DirectoryEntry, type DirectoryKind, type Fact, isFact } from "./api.ts";

/** The directory's tables and provider cards; facts show their source and status, or "not recorded". */
type Data = Record<string, unknown>;
export type Editing = { kind: DirectoryKind; entry: DirectoryEntry | null; contactKind?: string };

/** The item's own source and status, and the edit button for the Central Authority. */
function Source({ e, edit, kind }: { e: DirectoryEntry; edit?: (x: Editing) => void; kind: DirectoryKind }) {
  const { t } = useTranslation();
  const d = e.data as Data;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <StatusMarker status={String(d.status)} source={String(d.source)} testId="entry-status" />
      <Text size="xs" lineClamp={2} title={String(d.source)} maw={260}>
        <bdi lang="en">{String(d.source)}</bdi>
      </Text>
      {edit && (
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => edit({ kind, entry: e })}
          data-testid="entry-edit"
        >
          {t("common.edit")}
        </Button>
      )}
    </Group>
  );
}

/** A fact's value with its source and status, or "not recorded" — never "no". */
export function FactView({ fact, render }: { fact: unknown; render?: (v: unknown) => ReactNode }) {
  const { t } = useTranslation();
  if (!isFact(fact))
    return (
      <Text size="xs" c="dimmed" data-testid="fact-unrecorded">
        {t("mlaDirectory.notRecorded")}
      </Text>
    );
  const f = fact as Fact;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="fact">
      <StatusMarker status={f.status} source={f.source} testId="fact-status" />
      <Text size="sm">{render ? render(f.value) : <YesNo v={f.value} />}</Text>
    </Group>
  );
}

function YesNo({ v }: { v: unknown }) {
  const { t } = useTranslation();
  if (typeof v === "boolean") return <>{v ? t("rules.yes") : t("rules.no")}</>;
  if (Array.isArray(v)) return <bdi lang="en">{v.join(", ") || "—"}</bdi>;
  return <bdi lang="en">{String(v)}</bdi>;
}

const Link = ({
  href,
  label,
  testId = "channel-link",
}: {
  href: unknown;
  label?: unknown;
  testId?: string;
}) =>
  typeof href === "string" && /^https?:\/\//.test(href) ? (
    <Anchor href={href} target="_blank" rel="noreferrer" size="sm" className="ltr" data-testid={testId}>
      {String(label ?? href)}
    </Anchor>
  ) : (
    <Text size="sm">
      <bdi lang="en">{typeof href === "string" ? href : "—"}</bdi>
    </Text>
  );

export function ContactTable({
  items,
  stateName,
  edit,
}: {
  items: DirectoryEntry[];
  stateName: (c: unknown) => string;
  edit?: (x: Editing) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table fz="sm" verticalSpacing="xs" data-testid="contacts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("mlaDirectory.state")}</Table.Th>
            <Table.Th>{t("mlaDirectory.field.name")}</Table.Th>
            <Table.Th>{t("mlaDirectory.field.channel")}</Table.Th>
            <Table.Th>{t("mlaDirectory.requestKinds")}</Table.Th>
            <Table.Th>{t("mlaDirectory.source")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.code} data-testid="contact-row" data-code={c.code}>
              <Table.Td>{stateName(c.data.state)}</Table.Td>
              <Table.Td maw={320}>
                <bdi lang="en">{String(c.data.name)}</bdi>
                {typeof c.data.note === "string" && (
                  <Text size="xs" c="dimmed">
                    <bdi lang="en">{c.data.note}</bdi>
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={280}>
                <Link href={c.data.channel} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {((c.data.requestKinds as string[]) ?? []).map((k) => (
                    <Badge key={k} size="xs" variant="light">
                      {t(`mla.kinds.${k}`, { defaultValue: k })}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Source e={c} edit={edit} kind="contact" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type Entity = {
  name: string;
  state: string;
  usersIn?: string[];
  usersOutside?: string[];
  source: string;
  status: string;
};

export function ProviderCard({
  p,
  channels,
  stateName,
  edit,
}: {
  p: DirectoryEntry;
  channels: DirectoryEntry[];
  stateName: (c: unknown) => string;
  edit?: (x: Editing) => void;
}) {
  const { t } = useTranslation();
  const d = p.data as Data;
  const entities = (d.entities as Entity[] | undefined) ?? [];
  return (
    <Card withBorder data-testid="provider-card" data-code={p.code}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h4">
              <bdi lang="en">{String(d.name)}</bdi>
            </Title>
            <Link href={d.portal} label={d.portalName ?? d.portal} testId="portal-link" />
          </Stack>
          <Source e={p} edit={edit} kind="provider" />
        </Group>
        <Text size="sm" fw={600}>
          {t("mlaDirectory.entities")}
        </Text>
        {entities.length === 0 ? (
          <Text size="sm">
            {d.state
              ? t("mlaDirectory.oneEntity", { state: stateName(d.state) })
              : t("mlaDirectory.notRecorded")}
          </Text>
        ) : (
          <Table fz="xs" withTableBorder data-testid="entities-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("mlaDirectory.usersLocated")}</Table.Th>
                <Table.Th>{t("mlaDirectory.entity")}</Table.Th>
                <Table.Th>{t("mlaDirectory.state")}</Table.Th>
                <Table.Th>{t("mlaDirectory.source")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entities.map((e) => (
                <Table.Tr key={e.name} data-testid="entity-row">
                  <Table.Td className="ltr">
                    {e.usersIn
                      ? t("mlaDirectory.in", { areas: e.usersIn.join(", ") })
                      : e.usersOutside
                        ? t("mlaDirectory.outside", { areas: e.usersOutside.join(", ") })
                        : t("mlaDirectory.everywhere")}
                  </Table.Td>
                  <Table.Td data-testid="entity-name">
                    <bdi lang="en">{e.name}</bdi>
                  </Table.Td>
                  <Table.Td>{stateName(e.state)}</Table.Td>
                  <Table.Td>
                    <StatusMarker status={e.status} source={e.source} testId="entity-status" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group gap="xs" align="flex-start">
          <Text size="sm" fw={600}>
            {t("mlaDirectory.disclosesWithoutMla")}
          </Text>
          <FactView
            fact={d.disclosesWithoutMla}
            render={(v) =>
              (v as string[]).map((c) => t(`mla.dataCategory.${c}`, { defaultValue: c })).join(", ")
            }
          />
        </Group>
        {channels.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("mlaDirectory.channels")}
            </Text>
            {channels.map((c) => (
              <Group key={c.code} gap="xs" data-testid="provider-channel">
                <bdi lang="en">{String(c.data.name)}</bdi>
                <Link href={c.data.channel} />
                <Source e={c} edit={edit} kind="contact" />
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

export function StatesTable({
  items,
  instruments,
  edit,
}: {
  items: DirectoryEntry[];
  instruments: DirectoryEntry[];
  edit?: (x: Editing) => void;
}) {
  const { t } = useTranslation();
  const instrumentName = (c: string) => String(instruments.find((i) => i.code === c)?.data.name ?? c);
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table fz="sm" verticalSpacing="xs" data-testid="states-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("mlaDirectory.state")}</Table.Th>
            <Table.Th>{t("mlaDirectory.treaty")}</Table.Th>
            <Table.Th>{t("mlaDirectory.conventions")}</Table.Th>
            <Table.Th>{t("mlaDirectory.languages")}</Table.Th>
            <Table.Th>{t("mlaDirectory.centralAuthority")}</Table.Th>
            <Table.Th>{t("mlaDirectory.source")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.code} data-testid="state-row" data-code={s.code}>
              <Table.Td>
                <bdi lang="en">{String(s.data.name)}</bdi> <span className="ltr">({s.code})</span>
              </Table.Td>
              <Table.Td>
                <FactView fact={s.data.mlaTreatyWithPakistan} />
              </Table.Td>
              <Table.Td>
                <FactView
                  fact={s.data.conventionsWithPakistan}
                  render={(v) => (v as string[]).map(instrumentName).join(", ") || "—"}
                />
              </Table.Td>
              <Table.Td>
                <FactView fact={s.data.languages} />
              </Table.Td>
              <Table.Td maw={280}>
                <FactView fact={s.data.centralAuthority} />
              </Table.Td>
              <Table.Td>
                <Source e={s} edit={edit} kind="state" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function InstrumentsTable({ items, edit }: { items: DirectoryEntry[]; edit?: (x: Editing) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table fz="sm" verticalSpacing="xs" data-testid="instruments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("mlaDirectory.field.name")}</Table.Th>
            <Table.Th>{t("mlaDirectory.kind")}</Table.Th>
            <Table.Th>{t("mlaDirectory.pakistanParty")}</Table.Th>
            <Table.Th>{t("mlaDirectory.noBankSecrecy")}</Table.Th>
            <Table.Th>{t("mlaDirectory.source")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.code} data-testid="instrument-row" data-code={i.code}>
              <Table.Td maw={320}>
                <bdi lang="en">{String(i.data.name)}</bdi>
              </Table.Td>
              <Table.Td>{t(`mlaDirectory.instrumentKind.${String(i.data.kind)}`)}</Table.Td>
              <Table.Td>
                <FactView fact={i.data.pakistanParty} />
              </Table.Td>
              <Table.Td>
                <FactView fact={i.data.noBankSecrecyRefusal} />
              </Table.Td>
              <Table.Td>
                <Source e={i} edit={edit} kind="instrument" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
