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
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, isolate, useLocale } from "../../app/format.ts";
import { ProblemAlert, QueryError } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import { OrganisationSelect } from "../organisations/OrganisationSelect.tsx";
import { USER_STATUSES, type User, useDecideUser, usePendingCount, useUsers } from "./api.ts";
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
  // Approving registrations is what those who may approve come here for: when any are waiting, the page opens
  // on them. `undefined` until the count is known (only the first answer decides; later the filter is the
  // user's).
  const pendingCount = usePendingCount(me.abilities.approveUsers);
  const [status, setStatus] = useState<string | null | undefined>(
    me.abilities.approveUsers ? undefined : null,
  );
  useEffect(() => {
    if (status === undefined && !pendingCount.isPending)
      setStatus((pendingCount.data ?? 0) > 0 ? "pending" : null);
  }, [status, pendingCount.isPending, pendingCount.data]);
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const decide = useDecideUser();
  const [decideError, setDecideError] = useState<unknown>(null);

  const users = useUsers(
    {
      organisationId: organisationId ?? undefined,
      status: status ?? undefined,
      q: debouncedQ || undefined,
      page,
      pageSize: PAGE_SIZE,
    },
    allowed && status !== undefined,
  );
  if (!allowed) return <NotFound message={t("errors.forbidden")} />;

  const statusOptions = USER_STATUSES.map((s) => ({ value: s, label: t(`userStatus.${s}`) }));
  const pages = Math.max(1, Math.ceil((users.data?.total ?? 0) / PAGE_SIZE));

  function act(user: User, decision: "approve" | "reject") {
    if (decision === "reject" && !window.confirm(t("users.confirmReject", { name: isolate(user.fullName) })))
      return;
    setDecideError(null);
    decide.mutate(
      { id: user.id, version: user.version, decision },
      {
        onSuccess: () =>
          notifications.show({
            color: "teal",
            message: t(decision === "approve" ? "users.approved" : "users.rejected", {
              name: isolate(user.fullName),
            }),
          }),
        onError: setDecideError,
      },
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h2">
            {t("users.title")}
          </Title>
          {(pendingCount.data ?? 0) > 0 && (
            <Button
              size="compact-sm"
              variant={status === "pending" ? "light" : "filled"}
              color="yellow"
              onClick={() => {
                setStatus("pending");
                setPage(1);
              }}
              data-testid="user-pending-count"
              data-count={pendingCount.data}
            >
              {t("users.pendingCount", { count: pendingCount.data })}
            </Button>
          )}
        </Group>
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
          placeholder={t("common.all")}
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
          placeholder={t("common.all")}
          clearable
          allowDeselect={false}
          data={statusOptions}
          value={status ?? null}
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
        <Table.ScrollContainer minWidth={1040}>
          <Table striped highlightOnHover data-testid="user-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={180}>{t("fields.fullName")}</Table.Th>
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
                      <bdi>{u.fullName}</bdi>
                    </Text>
                    <Text size="xs" c="dimmed">
                      <bdi>{u.designation}</bdi>
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
                    <Text size="xs" className="nowrap">
                      {formatDateTime(u.lastLoginAt, locale)}
                    </Text>
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
