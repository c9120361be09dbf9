import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { canManageReference } from "../../app/abilities.ts";
import { useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import { ORGANISATION_KINDS, type Organisation, useOrganisations } from "./api.ts";
import { OrganisationCreateModal } from "./OrganisationCreateModal.tsx";
import { OrganisationEditModal } from "./OrganisationEditModal.tsx";

const fold = (s: string) => s.toLocaleLowerCase().normalize("NFKC");

export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { name, locale } = useLocale();
  const orgs = useOrganisations();
  const [kind, setKind] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(fold(q.trim()), 200);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);

  const byId = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);
  const rows = useMemo(
    () =>
      (orgs.data ?? []).filter(
        (o) =>
          (!kind || o.kind === kind) &&
          (!debouncedQ || [o.code, o.nameEn, o.nameUr].some((s) => fold(s).includes(debouncedQ))),
      ),
    [orgs.data, kind, debouncedQ],
  );
  if (!canManageReference(me)) return <NotFound message={t("errors.forbidden")} />;

  const kindOptions = ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKind.${k}`) }));
  const urduFirst = locale === "ur";
  const nameColumns: { key: "nameEn" | "nameUr"; label: string }[] = [
    { key: "nameEn", label: t("reference.nameEn") },
    { key: "nameUr", label: t("reference.nameUr") },
  ];
  if (urduFirst) nameColumns.reverse();
  const editing = editingId ? byId.get(editingId) : undefined;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("organisations.title")}
        </Title>
        <Button onClick={() => setCreating(true)} data-testid="org-new">
          {t("organisations.create")}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput
          label={t("common.search")}
          placeholder={t("organisations.searchPlaceholder")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="org-search"
        />
        <Select
          label={t("organisations.kind")}
          clearable
          placeholder={t("common.all")}
          data={kindOptions}
          value={kind}
          onChange={setKind}
          data-testid="org-filter-kind"
        />
      </SimpleGrid>
      {orgs.isError && <QueryError error={orgs.error} />}
      {orgs.isPending && (
        <Center p="xl">
          <Loader />
        </Center>
      )}
      {orgs.data && (
        <Text size="sm" c="dimmed" data-testid="org-total" data-total={rows.length}>
          {t("organisations.count", { count: rows.length })}
        </Text>
      )}
      {orgs.data && rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="org-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("reference.code")}</Table.Th>
                {nameColumns.map((c) => (
                  <Table.Th key={c.key}>{c.label}</Table.Th>
                ))}
                <Table.Th>{t("organisations.kind")}</Table.Th>
                <Table.Th>{t("organisations.parent")}</Table.Th>
                <Table.Th>{t("fields.status")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((o) => (
                <OrganisationRow
                  key={o.id}
                  o={o}
                  nameKeys={nameColumns.map((c) => c.key)}
                  parentName={o.parentId ? name(byId.get(o.parentId)) : "—"}
                  onEdit={() => setEditingId(o.id)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {orgs.data && rows.length === 0 && (
        <Text c="dimmed" ta="center" p="md" data-testid="org-empty">
          {t("organisations.none")}
        </Text>
      )}
      {creating && <OrganisationCreateModal onClose={() => setCreating(false)} />}
      {editing && <OrganisationEditModal organisation={editing} onClose={() => setEditingId(null)} />}
    </Stack>
  );
}

function OrganisationRow({
  o,
  nameKeys,
  parentName,
  onEdit,
}: {
  o: Organisation;
  nameKeys: ("nameEn" | "nameUr")[];
  parentName: string;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="org-row" data-org-id={o.id} data-code={o.code} data-active={o.active}>
      <Table.Td className="ltr">{o.code}</Table.Td>
      {nameKeys.map((key) => (
        <Table.Td key={key}>
          <span lang={key === "nameUr" ? "ur" : "en"} dir={key === "nameUr" ? "rtl" : "ltr"}>
            {o[key] || "—"}
          </span>
        </Table.Td>
      ))}
      <Table.Td>{t(`organisationKind.${o.kind}`, { defaultValue: o.kind })}</Table.Td>
      <Table.Td>{parentName}</Table.Td>
      <Table.Td>
        <Badge
          color={o.active ? "teal" : "gray"}
          variant="light"
          data-testid="org-active"
          data-active={o.active}
        >
          {o.active ? t("reference.active") : t("reference.inactive")}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="default" onClick={onEdit} data-testid="org-edit">
          {t("common.edit")}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
