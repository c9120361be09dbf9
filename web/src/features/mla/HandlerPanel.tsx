import { Badge, Button, Card, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { isolate, useLocale } from "../../app/format.ts";
import { ProblemAlert, QueryError, useProblem } from "../../app/forms.tsx";
import { StaleReload } from "../../app/StaleReload.tsx";
import { useMe } from "../../app/session.tsx";
import type { MlaDetail } from "./api.ts";
import { useMlaHandler, useSetMlaHandler } from "./handlerApi.ts";

/**
 * The Central Authority officer handling the request (issue 9 item 3). The Central Authority sees the
 * candidates ranked — holders of a competence from training that counts for the request's kind first, then the
 * fewest open requests — and chooses one or clears the choice; everyone else sees only who handles it.
 */
export function HandlerPanel({ detail }: { detail: MlaDetail }) {
  const me = useMe();
  const central = me.roles.includes("central_authority");
  return central ? <HandlerChooser detail={detail} /> : <HandlerName detail={detail} />;
}

function HandlerName({ detail }: { detail: MlaDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="mla-handler" data-handler-id={detail.handler?.id ?? ""}>
      <Title order={2} size="h4" mb="xs">
        {t("mla.handler.title")}
      </Title>
      <Text size="sm" data-testid="mla-handler-current">
        {detail.handler ? <bdi>{detail.handler.fullName}</bdi> : t("mla.handler.none")}
      </Text>
    </Card>
  );
}

function HandlerChooser({ detail }: { detail: MlaDetail }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const query = useMlaHandler(detail.id, true);
  const save = useSetMlaHandler(detail.id);
  const { problem, fail, clear } = useProblem();
  const s = query.data;

  const choose = (userId: string | null) => {
    clear();
    save.mutate(
      { userId, version: detail.version },
      {
        onError: fail,
        onSuccess: () =>
          notifications.show({
            color: "teal",
            message: t(userId === null ? "mla.handler.cleared" : "mla.handler.saved"),
          }),
      },
    );
  };

  const handler = s?.handler ?? detail.handler;
  return (
    <Card
      withBorder
      data-testid="mla-handler"
      data-handler-id={handler?.id ?? ""}
      data-candidates={s?.candidates.length ?? ""}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4">
            {t("mla.handler.title")}
          </Title>
          {handler && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={save.isPending && save.variables?.userId === null}
              disabled={save.isPending}
              onClick={() => choose(null)}
              data-testid="mla-handler-clear"
            >
              {t("mla.handler.clear")}
            </Button>
          )}
        </Group>
        <Text size="sm" data-testid="mla-handler-current">
          {handler ? t("mla.handler.current", { name: isolate(handler.fullName) }) : t("mla.handler.none")}
        </Text>
        <Text size="xs" c="dimmed">
          {t("mla.handler.help")}
        </Text>
        <ProblemAlert error={problem} testId="mla-handler-error">
          <StaleReload
            error={problem}
            testId="mla-handler-reload"
            onReload={async () => {
              await query.refetch();
              clear();
            }}
          />
        </ProblemAlert>
        {query.isError && <QueryError error={query.error} testId="mla-handler-load-error" />}
        {query.isPending && <Loader size="sm" />}
        {s && (
          <>
            <Text size="xs" c="dimmed" data-testid="mla-handler-relevant">
              {s.relevantCompetences.length === 0
                ? t("mla.handler.noRelevant")
                : t("mla.handler.relevant", {
                    list: s.relevantCompetences.map((c) => isolate(name(c))).join(t("common.listSeparator")),
                  })}
            </Text>
            {s.candidates.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("mla.handler.noCandidates")}
              </Text>
            ) : (
              <Stack gap={6} data-testid="mla-handler-candidates">
                {s.candidates.map((c) => (
                  <Paper
                    key={c.userId}
                    withBorder
                    p="xs"
                    data-testid="mla-handler-candidate"
                    data-user-id={c.userId}
                    data-rank={c.rank}
                    data-current={c.current}
                  >
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Stack gap={2}>
                        <Group gap="xs">
                          <Text size="sm" fw={600} aria-label={t("mla.handler.rank")}>
                            {c.rank}.
                          </Text>
                          <Text size="sm" data-testid="mla-handler-name">
                            <bdi>{c.fullName}</bdi>
                          </Text>
                          {c.current && (
                            <Badge size="xs" color="teal" data-testid="mla-handler-is-current">
                              {t("mla.handler.chosen")}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed" data-testid="mla-handler-open" data-count={c.openRequests}>
                          {t("mla.handler.openRequests")}: {c.openRequests}
                        </Text>
                        {c.competences.length > 0 && (
                          <Group gap={4} aria-label={t("mla.handler.competences")}>
                            {c.competences.map((h) => (
                              <Badge
                                key={h.code}
                                size="xs"
                                variant="light"
                                title={h.certificateCode ?? undefined}
                                data-testid="mla-handler-competence"
                              >
                                {name(h)}
                              </Badge>
                            ))}
                          </Group>
                        )}
                      </Stack>
                      <Button
                        size="compact-xs"
                        variant="light"
                        disabled={c.current || save.isPending}
                        loading={save.isPending && save.variables?.userId === c.userId}
                        onClick={() => choose(c.userId)}
                        data-testid="mla-handler-choose"
                      >
                        {t("mla.handler.choose")}
                      </Button>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
