import {
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, isolate, useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { SuggestionPanel } from "../assignment/SuggestionPanel.tsx";
import { useAssign, useOfficers } from "./api.ts";
import { CaseUnassign } from "./CaseUnassign.tsx";
import type { CaseDetail } from "./types.ts";

export function CaseAssignment({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const history = [...c.assignments].sort((a, b) => b.assignedAt.localeCompare(a.assignedAt));
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t("cases.assignedOfficer")}
            </Title>
            <Group justify="space-between" mb="md" wrap="nowrap">
              <Text fw={500} data-testid="assignment-current">
                {c.assignedOfficer ? <bdi>{c.assignedOfficer.fullName}</bdi> : t("cases.unassigned")}
              </Text>
              <CaseUnassign c={c} />
            </Group>
            <Title order={3} size="h5" mb="xs">
              {t("cases.assignmentHistory")}
            </Title>
            {history.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t("cases.noAssignments")}
              </Text>
            ) : (
              <Timeline bulletSize={14} lineWidth={2} active={0} data-testid="assignment-history">
                {history.map((a) => (
                  <Timeline.Item
                    key={a.id}
                    title={
                      <>
                        <bdi>{a.officer.fullName}</bdi>{" "}
                        {!a.endedAt && (
                          <Badge size="xs" color="teal">
                            {t("cases.current")}
                          </Badge>
                        )}
                      </>
                    }
                  >
                    <Text size="xs" c="dimmed">
                      {formatDateTime(a.assignedAt, locale)}
                      {a.endedAt ? ` – ${formatDateTime(a.endedAt, locale)}` : ""}
                      {" · "}
                      {t(`assignmentMethod.${a.method}`, { defaultValue: a.method })}
                      {a.assignedBy
                        ? ` · ${t("cases.assignedBy", { name: isolate(a.assignedBy.fullName) })}`
                        : ""}
                    </Text>
                    {a.reason && (
                      <Text size="sm" className="prewrap">
                        <bdi>{a.reason}</bdi>
                      </Text>
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Card>
          <SuggestionPanel c={c} />
        </Stack>
      </Grid.Col>
      {c.abilities.assign && (
        <Grid.Col span={{ base: 12, md: 5 }}>
          <AssignForm c={c} />
        </Grid.Col>
      )}
    </Grid>
  );
}

function AssignForm({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const officers = useOfficers(true);
  const assign = useAssign(c.id);
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [officerId, setOfficerId] = useState<string | null>(null);
  const [reason, setReason] = useState("");

  const options = useMemo(
    () =>
      (officers.data ?? []).map((o) => ({
        value: o.id,
        label: `${isolate(o.fullName)} — ${isolate(o.designation || name(o.organisation))} (${t("cases.activeCases", { count: o.activeCases })})`,
        disabled: o.id === c.assignedOfficer?.id,
      })),
    [officers.data, name, t, c.assignedOfficer?.id],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!officerId) return;
    clear();
    assign.mutate(
      { version: c.version, officerId, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("cases.assigned") });
          setOfficerId(null);
          setReason("");
        },
        onError: fail,
      },
    );
  }

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {c.assignedOfficer ? t("cases.reassign") : t("cases.assign")}
      </Title>
      <form onSubmit={submit} noValidate data-testid="assign-form">
        <Stack gap="sm">
          <ProblemAlert error={problem} testId="assign-error" shown={(k) => k in fieldErrors} />
          <Select
            label={t("cases.lawOfficer")}
            searchable
            required
            nothingFoundMessage={t("common.nothingFound")}
            data={options}
            value={officerId}
            onChange={setOfficerId}
            disabled={officers.isPending}
            error={fieldErrors.officerId ?? (officers.isError ? officers.error.message : undefined)}
            data-testid="assign-officer"
          />
          <Textarea
            label={t("fields.reason")}
            description={t("cases.reasonHint")}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldErrors.reason}
            data-testid="assign-reason"
          />
          <Button
            type="submit"
            disabled={!officerId || !reason.trim()}
            loading={assign.isPending}
            data-testid="assign-submit"
          >
            {c.assignedOfficer ? t("cases.reassign") : t("cases.assign")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
