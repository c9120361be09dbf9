import { ActionIcon, Badge, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isolate, useLocale } from "../../app/format.ts";
import { ProblemAlert } from "../../app/forms.tsx";
import { useMe } from "../../app/session.tsx";
import { type AccessCandidate, useAccessCandidates, useCaseAccess } from "./api.ts";
import type { CaseDetail } from "./types.ts";

/**
 * Who may see a confidential case: the people named on it (and the officer assigned). Those who may manage
 * access name others by searching for them, and remove anyone but themselves.
 */
export function CaseAccess({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const { grant, revoke } = useCaseAccess(c.id);
  const [error, setError] = useState<unknown>(null);
  const canManage = c.abilities.manageAccess;
  const named = new Set(c.access.map((p) => p.id));

  function remove(userId: string, fullName: string) {
    setError(null);
    revoke.mutate(userId, {
      onSuccess: () =>
        notifications.show({ color: "teal", message: t("access.removed", { name: isolate(fullName) }) }),
      onError: setError,
    });
  }

  function add(person: AccessCandidate) {
    setError(null);
    grant.mutate(person.id, {
      onSuccess: () =>
        notifications.show({ color: "teal", message: t("access.added", { name: isolate(person.fullName) }) }),
      onError: setError,
    });
  }

  return (
    <Card withBorder data-testid="access-panel">
      <Title order={2} size="h4" mb={4}>
        {t("access.title")}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t("access.hint")}
      </Text>
      <ProblemAlert error={error} testId="access-error" />
      {c.access.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="access-empty">
          {t("access.none")}
        </Text>
      ) : (
        <Stack gap={4} data-testid="access-list">
          {c.access.map((p) => (
            <Group
              key={p.id}
              justify="space-between"
              wrap="nowrap"
              data-testid="access-person"
              data-user-id={p.id}
            >
              <Text size="sm">
                <bdi>{p.fullName}</bdi>{" "}
                {p.id === me.id && (
                  <Badge size="xs" variant="light">
                    {t("access.you")}
                  </Badge>
                )}
              </Text>
              {canManage && p.id !== me.id && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("access.remove", { name: p.fullName })}
                  title={t("access.remove", { name: p.fullName })}
                  loading={revoke.isPending && revoke.variables === p.id}
                  onClick={() => remove(p.id, p.fullName)}
                  data-testid="access-remove"
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {canManage && (
        <CandidateSearch
          caseId={c.id}
          named={named}
          onAdd={add}
          adding={grant.isPending ? grant.variables : undefined}
        />
      )}
    </Card>
  );
}

function CandidateSearch({
  caseId,
  named,
  onAdd,
  adding,
}: {
  caseId: string;
  named: Set<string>;
  onAdd: (person: AccessCandidate) => void;
  adding: string | undefined;
}) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const candidates = useAccessCandidates(caseId, debouncedQ);
  const searching = debouncedQ.length >= 2;

  return (
    <Stack gap="xs" mt="md">
      <TextInput
        label={t("access.addPerson")}
        placeholder={t("access.searchPlaceholder")}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        rightSection={candidates.isFetching ? <Loader size="xs" /> : null}
        data-testid="access-search"
      />
      {candidates.isError && <ProblemAlert error={candidates.error} testId="access-search-error" />}
      {searching && candidates.data && candidates.data.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="access-no-candidates">
          {t("common.nothingFound")}
        </Text>
      )}
      {searching && candidates.data && candidates.data.length > 0 && (
        <Stack gap={6} data-testid="access-candidates">
          {candidates.data.map((p) => (
            <Group
              key={p.id}
              justify="space-between"
              wrap="nowrap"
              data-testid="access-candidate"
              data-user-id={p.id}
            >
              <div>
                <Text size="sm" fw={500}>
                  <bdi>{p.fullName}</bdi>
                </Text>
                <Text size="xs" c="dimmed">
                  {p.designation && (
                    <>
                      <bdi>{p.designation}</bdi> ·{" "}
                    </>
                  )}
                  {name(p.organisation)}
                </Text>
              </div>
              {named.has(p.id) ? (
                <Badge size="sm" variant="light" color="gray">
                  {t("access.alreadyNamed")}
                </Badge>
              ) : (
                <Button
                  size="xs"
                  variant="light"
                  loading={adding === p.id}
                  onClick={() => onAdd(p)}
                  data-testid="access-add"
                >
                  {t("access.add")}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
