import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { MLA_FLOWS, statesOf } from "../../../../common/mla/states.ts";
import { exportUrl, FileDownloads } from "../../app/FileDownloads.tsx";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { ProblemAlert, QueryError, useProblem } from "../../app/forms.tsx";
import { useMe } from "../../app/session.tsx";
import { MLA_REQUEST_KINDS, type MlaKind, useCreateMla, useMlaRequests } from "./api.ts";
import { MlaStateBadge, useMlaLabels } from "./labels.tsx";

/** Every state of every flow, once, in flow order (for the filter). */
const ALL_STATES = [...new Set(MLA_REQUEST_KINDS.flatMap((k) => statesOf(k)))];

/** The MLA register: requests the reader may see, filtered by kind and state (kept in the URL). */
export function MlaListPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const labels = useMlaLabels();
  const [params, setParams] = useSearchParams();
  const kind = MLA_REQUEST_KINDS.includes(params.get("kind") as MlaKind)
    ? (params.get("kind") as MlaKind)
    : undefined;
  const state = params.get("state") || undefined;
  const query = useMlaRequests({ kind, state });
  const states = kind ? statesOf(kind) : ALL_STATES;
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === "kind" && value && state && !statesOf(value as MlaKind).includes(state)) next.delete("state");
    setParams(next, { replace: true });
  };
  const items = query.data?.items ?? [];

  return (
    <Stack gap="md" maw={1200} data-testid="mla-list-page">
      <Title order={1} size="h2">
        {t("mla.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("mla.help")}
      </Text>
      <NewRequestForm />
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t("mla.kind")}
          value={kind ?? ""}
          onChange={(e) => setParam("kind", e.currentTarget.value)}
          data={[
            { value: "", label: t("mla.allKinds") },
            ...MLA_REQUEST_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
          ]}
          data-testid="mla-filter-kind"
        />
        <NativeSelect
          label={t("mla.state")}
          value={state ?? ""}
          onChange={(e) => setParam("state", e.currentTarget.value)}
          data={[
            { value: "", label: t("mla.allStates") },
            ...states.map((s) => ({ value: s, label: labels.state(s) })),
          ]}
          data-testid="mla-filter-state"
        />
        <FileDownloads
          testId="mla-download"
          what={t("downloads.what.mlaRegister")}
          href={(format) => exportUrl("/mla/requests/export", { kind, state }, format)}
        />
      </Group>
      <Card withBorder>
        {query.isError ? (
          <QueryError error={query.error} />
        ) : items.length === 0 && !query.isPending ? (
          <Text c="dimmed" data-testid="mla-empty">
            {t("mla.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table fz="sm" verticalSpacing="xs" data-testid="mla-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("mla.reference")}</Table.Th>
                  <Table.Th>{t("mla.kind")}</Table.Th>
                  <Table.Th>{t("mla.requestTitle")}</Table.Th>
                  <Table.Th>{t("mla.state")}</Table.Th>
                  <Table.Th>{t("mla.agency")}</Table.Th>
                  <Table.Th>{t("mla.updated")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id} data-testid="mla-row" data-id={r.id} data-kind={r.kind}>
                    <Table.Td>
                      <Anchor component={Link} to={`/mla/${r.id}`} data-testid="mla-link" className="ltr">
                        {r.reference}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{labels.kind(r.kind)}</Table.Td>
                    <Table.Td>
                      <bdi>{r.title}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <MlaStateBadge state={r.state} />
                    </Table.Td>
                    <Table.Td>
                      <bdi>{r.organisation.nameEn}</bdi>
                    </Table.Td>
                    <Table.Td>{formatDateTime(r.updatedAt, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}

/** Opens a request (kind and title) and goes to it. Incoming requests are the Central Authority's to register. */
function NewRequestForm() {
  const { t } = useTranslation();
  const labels = useMlaLabels();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateMla();
  const { problem, fieldErrors, fail, clear } = useProblem();
  const kinds = MLA_REQUEST_KINDS.filter(
    (k) => k !== "mla_incoming" || me.roles.includes("central_authority"),
  ).filter((k) => MLA_FLOWS[k]);
  const [kind, setKind] = useState<MlaKind>(kinds[0] ?? "mla_outgoing");
  const [title, setTitle] = useState("");

  function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    create.mutate(
      { kind, title: title.trim() },
      { onSuccess: (detail) => navigate(`/mla/${detail.id}`), onError: fail },
    );
  }

  return (
    <Card withBorder component="form" onSubmit={submit} data-testid="mla-new-form">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("mla.new")}
        </Title>
        <ProblemAlert error={problem} testId="mla-new-error" shown={(k) => k === "title"} />
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t("mla.kind")}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as MlaKind)}
            data={kinds.map((k) => ({ value: k, label: labels.kind(k) }))}
            data-testid="mla-new-kind"
          />
          <TextInput
            label={t("mla.requestTitle")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldErrors.title}
            required
            miw={360}
            data-testid="mla-new-title"
          />
          <Button type="submit" loading={create.isPending} data-testid="mla-new-submit">
            {t("mla.create")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
