import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../app/api.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { type MlaDetail, useNameOnMla } from "./api.ts";

type Candidate = { id: string; fullName: string; organisationCode: string };

/**
 * Who besides the Central Authority and the requesting unit sees the request (issue 5 item 8). Those who manage
 * access find users by name and name or un-name them; everyone else sees the list.
 */
export function NamedUsers({ detail }: { detail: MlaDetail }) {
  const { t } = useTranslation();
  const name = useNameOnMla(detail.id);
  const { problem, fail, clear } = useProblem();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const candidates = useQuery({
    queryKey: ["mla", "access-candidates", detail.id, debounced],
    queryFn: ({ signal }) =>
      get<{ items: Candidate[] }>(`/mla/requests/${detail.id}/access-candidates`, { q: debounced }, signal),
    enabled: detail.abilities.manageAccess && debounced.length >= 2,
  });
  const named = new Set(detail.access.map((u) => u.id));
  const act = (userId: string, grant: boolean) => {
    clear();
    name.mutate({ userId, grant }, { onError: fail, onSuccess: () => setQ("") });
  };
  return (
    <Card withBorder data-testid="mla-named-users" data-count={detail.access.length}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("mla.namedUsers.title")}
        </Title>
        <Text size="xs" c="dimmed">
          {t("mla.namedUsers.help")}
        </Text>
        <ProblemAlert error={problem} testId="mla-named-error" />
        {detail.access.map((u) => (
          <Group key={u.id} gap="xs" data-testid="mla-named-user">
            <Text size="sm">
              <bdi>{u.fullName}</bdi>
            </Text>
            <Badge variant="outline" color="gray" size="sm">
              {u.organisationCode}
            </Badge>
            {detail.abilities.manageAccess && u.id !== detail.createdBy.id && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => act(u.id, false)}>
                {t("mla.namedUsers.remove")}
              </Button>
            )}
          </Group>
        ))}
        {detail.abilities.manageAccess && (
          <>
            <TextInput
              label={t("mla.namedUsers.search")}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              data-testid="mla-named-search"
            />
            {(candidates.data?.items ?? [])
              .filter((c) => !named.has(c.id))
              .map((c) => (
                <Group key={c.id} gap="xs">
                  <Text size="sm">
                    <bdi>{c.fullName}</bdi> · {c.organisationCode}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => act(c.id, true)}
                    data-testid="mla-named-add"
                  >
                    {t("mla.namedUsers.add")}
                  </Button>
                </Group>
              ))}
          </>
        )}
      </Stack>
    </Card>
  );
}
