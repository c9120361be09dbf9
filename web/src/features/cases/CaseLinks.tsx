import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { get, type Paged } from "../../app/api.ts";
import { isolate, ltrIsolate } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { useLinkMutations } from "./api.ts";
import { useEnumOptions } from "./labels.tsx";
import { type CaseDetail, type CaseSummary, LINK_KINDS, type LinkKind } from "./types.ts";

/** Appeal of / connected with / same issue as: both directions, with add and remove where allowed. */
export function CaseLinks({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { remove } = useLinkMutations(c.id);
  const [removeError, setRemoveError] = useState<unknown>(null);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t("cases.links")}
      </Title>
      <ProblemAlert error={removeError} testId="link-remove-error" />
      {c.links.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("cases.noLinks")}
        </Text>
      ) : (
        <Table data-testid="case-links">
          <Table.Tbody>
            {c.links.map((l) => (
              <Table.Tr key={l.id} data-testid="case-link-row">
                <Table.Td>{t(`linkKind.${l.kind}.${l.direction}`)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${l.case.id}`} className="ltr">
                    {l.case.displayNumber}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    <bdi>{l.case.title}</bdi>
                  </Text>
                </Table.Td>
                {c.abilities.link && (
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("cases.removeLink")}
                      title={t("cases.removeLink")}
                      loading={remove.isPending && remove.variables === l.id}
                      onClick={() => {
                        if (!window.confirm(t("cases.confirmRemoveLink"))) return;
                        setRemoveError(null);
                        remove.mutate(l.id, { onError: setRemoveError });
                      }}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {c.abilities.link && <AddLink c={c} />}
    </Card>
  );
}

function AddLink({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { add } = useLinkMutations(c.id);
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [kind, setKind] = useState<LinkKind>("connected_with");
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [target, setTarget] = useState<string | null>(null);
  const kindOptions = useEnumOptions(LINK_KINDS, "linkKindChoice");

  const found = useQuery({
    queryKey: ["cases", "list", { q: debounced, pageSize: 10, purpose: "link" }],
    queryFn: ({ signal }) => get<Paged<CaseSummary>>("/cases", { q: debounced, pageSize: 10 }, signal),
    enabled: debounced.length >= 2,
  });
  const options = (found.data?.items ?? [])
    .filter((x) => x.id !== c.id)
    .map((x) => ({ value: x.id, label: `${ltrIsolate(x.displayNumber)} — ${isolate(x.title)}` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    clear();
    add.mutate(
      { kind, linkedCaseId: target },
      {
        onSuccess: () => {
          setTarget(null);
          setSearch("");
        },
        onError: fail,
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="link-form">
      <Stack gap="xs" mt="md">
        <ProblemAlert error={problem} testId="link-error" shown={(k) => k in fieldErrors} />
        <Group align="flex-end" gap="xs">
          <NativeSelect
            label={t("cases.linkKind")}
            data={kindOptions}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as LinkKind)}
            error={fieldErrors.kind}
            data-testid="link-kind"
          />
          <Select
            flex={1}
            miw={240}
            label={t("cases.linkedCase")}
            placeholder={t("cases.searchPlaceholder")}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            data={options}
            value={target}
            onChange={setTarget}
            nothingFoundMessage={
              debounced.length >= 2 && !found.isFetching ? t("common.nothingFound") : undefined
            }
            error={fieldErrors.linkedCaseId}
            data-testid="link-case"
          />
          <Button type="submit" disabled={!target} loading={add.isPending} data-testid="link-submit">
            {t("cases.addLink")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
