import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Pagination,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { get, type Paged } from "../../app/api.ts";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { ProblemAlert, QueryError } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import type { PersonRef } from "../../app/types.ts";
import { ChangesView } from "../cases/CaseHistory.tsx";

type AuditItem = {
  seq: number;
  occurredAt: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: PersonRef | null;
  ip?: string | null;
  changes: unknown;
};
type VerifyResult = { ok: boolean; count: number; brokenAt?: number; reason?: string };

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { locale } = useLocale();
  const [entityType, setEntityType] = useState("");
  const [entityId, setEntityId] = useState("");
  const [action, setAction] = useState("");
  const [page, setPage] = useState(1);
  const [filters] = useDebouncedValue(
    { entityType: entityType.trim(), entityId: entityId.trim(), action: action.trim() },
    300,
  );
  const query = { ...filters, page, pageSize: PAGE_SIZE };
  const audit = useQuery({
    queryKey: ["audit", query],
    queryFn: ({ signal }) => get<Paged<AuditItem>>("/audit", query, signal),
    placeholderData: keepPreviousData,
    enabled: me.abilities.readAudit,
  });
  const verify = useMutation({ mutationFn: () => get<VerifyResult>("/audit/verify") });

  if (!me.abilities.readAudit) return <NotFound message={t("errors.forbidden")} />;
  const pages = Math.max(1, Math.ceil((audit.data?.total ?? 0) / PAGE_SIZE));
  const reset = (fn: (v: string) => void) => (e: React.ChangeEvent<HTMLInputElement>) => {
    fn(e.currentTarget.value);
    setPage(1);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("audit.title")}
        </Title>
        <Button
          variant="light"
          onClick={() => verify.mutate()}
          loading={verify.isPending}
          data-testid="audit-verify"
        >
          {t("audit.verify")}
        </Button>
      </Group>
      {verify.data && (
        <Alert
          color={verify.data.ok ? "teal" : "red"}
          data-testid="audit-verify-result"
          title={verify.data.ok ? t("audit.chainOk") : t("audit.chainBroken", { seq: verify.data.brokenAt })}
        >
          {t("audit.chainCount", { count: verify.data.count })}
          {verify.data.reason && (
            <>
              {" — "}
              <bdi>{verify.data.reason}</bdi>
            </>
          )}
        </Alert>
      )}
      <ProblemAlert error={verify.error} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput
          label={t("audit.entityType")}
          placeholder="case"
          value={entityType}
          onChange={reset(setEntityType)}
          data-testid="audit-entity-type"
          classNames={{ input: "ltr" }}
        />
        <TextInput
          label={t("audit.entityId")}
          value={entityId}
          onChange={reset(setEntityId)}
          data-testid="audit-entity-id"
          classNames={{ input: "ltr" }}
        />
        <TextInput
          label={t("audit.action")}
          placeholder="case.created"
          value={action}
          onChange={reset(setAction)}
          data-testid="audit-action"
          classNames={{ input: "ltr" }}
        />
      </SimpleGrid>
      {audit.isError && <QueryError error={audit.error} />}
      {audit.isPending && (
        <Center p="xl">
          <Loader />
        </Center>
      )}
      {audit.data && (
        <>
          <Text size="sm" c="dimmed">
            {t("audit.count", { count: audit.data.total })}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>{t("audit.time")}</Table.Th>
                  <Table.Th>{t("audit.action")}</Table.Th>
                  <Table.Th>{t("audit.entity")}</Table.Th>
                  <Table.Th>{t("audit.actor")}</Table.Th>
                  <Table.Th>{t("audit.changes")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {audit.data.items.map((e) => (
                  <Table.Tr key={e.seq} data-testid="audit-row">
                    <Table.Td>{e.seq}</Table.Td>
                    <Table.Td>
                      <Text size="xs" className="nowrap">
                        {formatDateTime(e.occurredAt, locale)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`actions.${e.action}`, { defaultValue: e.action })}</Text>
                      <Text size="xs" c="dimmed" className="ltr">
                        {e.action}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" className="ltr">
                        {e.entityType}
                      </Text>
                      {e.entityId &&
                        (e.entityType === "case" ? (
                          <Anchor component={Link} to={`/cases/${e.entityId}`} size="xs" className="ltr">
                            {e.entityId.slice(0, 8)}
                          </Anchor>
                        ) : (
                          <Text size="xs" c="dimmed" className="ltr" title={e.entityId}>
                            {e.entityId.slice(0, 8)}
                          </Text>
                        ))}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.actor ? <bdi>{e.actor.fullName}</bdi> : "—"}</Text>
                      {e.ip && (
                        <Text size="xs" c="dimmed" className="ltr">
                          {e.ip}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={420}>
                      <ChangesView changes={e.changes} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Center>
              <Pagination total={pages} value={page} onChange={setPage} />
            </Center>
          )}
        </>
      )}
    </Stack>
  );
}
