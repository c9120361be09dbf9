import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { ProblemAlert, QueryError } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import { OrganisationSelect } from "../organisations/OrganisationSelect.tsx";
import { USER_STATUSES, type User, useDecideUser, useUsers } from "./api.ts";
import { UserCreateModal } from "./UserCreateModal.tsx";
import { UserEditModal } from "./UserEditModal.tsx";

const PAGE_SIZE = 25;
const STATUS_COLOR: Record<string, string> = {
  pending: "yellow",
  active: "teal",
  disabled: "gray",
  rejected: "red",
};

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { name, locale } = useLocale();
  const allowed = me.abilities.manageUsers || me.abilities.approveUsers;
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(me.abilities.manageUsers ? null : "pending");
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const decide = useDecideUser();
  const [decideError, setDecideError] = useState<unknown>(null);

  const users = useUsers({
    organisationId: organisationId ?? undefined,
    status: status ?? undefined,
    q: debouncedQ || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  if (!allowed) return <NotFound message={t("errors.forbidden")} />;

  const statusOptions = USER_STATUSES.map((s) => ({ value: s, label: t(`userStatus.${s}`) }));
  const pages = Math.max(1, Math.ceil((users.data?.total ?? 0) / PAGE_SIZE));

  function act(user: User, decision: "approve" | "reject") {
    if (decision === "reject" && !window.confirm(t("users.confirmReject", { name: user.fullName }))) return;
    setDecideError(null);
    decide.mutate(
      { id: user.id, version: user.version, decision },
      {
        onSuccess: () =>
          notifications.show({
            color: "teal",
            message: t(decision === "approve" ? "users.approved" : "users.rejected", { name: user.fullName }),
          }),
        onError: setDecideError,
      },
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("users.title")}
        </Title>
        {me.abilities.manageUsers && (
          <Button onClick={() => setCreating(true)} data-testid="user-new">
            {t("users.create")}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput
          label={t("common.search")}
          placeholder={t("users.searchPlaceholder")}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          data-testid="user-search"
        />
        <OrganisationSelect
          label={t("fields.organisation")}
          clearable
          value={organisationId}
          onChange={(v) => {
            setOrganisationId(v);
            setPage(1);
          }}
          data-testid="user-filter-organisation"
        />
        <Select
          label={t("fields.status")}
          clearable
          data={statusOptions}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          data-testid="user-filter-status"
        />
      </SimpleGrid>
      <ProblemAlert error={decideError} testId="user-decision-error" />
      {users.isError && <QueryError error={users.error} />}
      {users.isPending && (
        <Center p="xl">
          <Loader />
        </Center>
      )}
      {users.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="user-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("fields.fullName")}</Table.Th>
                <Table.Th>{t("auth.username")}</Table.Th>
                <Table.Th>{t("fields.organisation")}</Table.Th>
                <Table.Th>{t("users.roles")}</Table.Th>
                <Table.Th>{t("fields.status")}</Table.Th>
                <Table.Th>{t("users.lastLogin")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((u) => (
                <Table.Tr key={u.id} data-testid="user-row" data-user-id={u.id} data-username={u.username}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {u.fullName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {u.designation}
                    </Text>
                  </Table.Td>
                  <Table.Td className="ltr">{u.username}</Table.Td>
                  <Table.Td>{name(u.organisation)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {u.roles.map((r) => (
                        <Badge key={r} size="xs" variant="light">
                          {t(`roles.${r}`, { defaultValue: r })}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[u.status] ?? "gray"} variant="light">
                      {t(`userStatus.${u.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatDateTime(u.lastLoginAt, locale)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      {u.abilities.approve && u.status === "pending" && (
                        <>
                          <Button
                            size="xs"
                            color="teal"
                            onClick={() => act(u, "approve")}
                            data-testid="user-approve"
                          >
                            {t("users.approve")}
                          </Button>
                          <Button
                            size="xs"
                            color="red"
                            variant="light"
                            onClick={() => act(u, "reject")}
                            data-testid="user-reject"
                          >
                            {t("users.reject")}
                          </Button>
                        </>
                      )}
                      {u.abilities.edit && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(u)}
                          data-testid="user-edit"
                        >
                          {t("common.edit")}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {users.data?.items.length === 0 && (
        <Text c="dimmed" ta="center" p="md">
          {t("users.none")}
        </Text>
      )}
      {pages > 1 && (
        <Center>
          <Pagination total={pages} value={page} onChange={setPage} />
        </Center>
      )}
      {creating && <UserCreateModal onClose={() => setCreating(false)} />}
      {editing && <UserEditModal user={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
