import { Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryError } from "../../app/forms.tsx";
import { useWorkload, type WorkloadItem } from "./api.ts";
import { useExplain } from "./explain.ts";
import { HandoverModal } from "./HandoverModal.tsx";

function loadColor(ratio: number): string {
  if (ratio >= 1) return "red";
  if (ratio >= 0.8) return "orange";
  if (ratio >= 0.5) return "yellow";
  return "teal";
}

/** Each officer of the office: open cases and weighted load against their maximum, leave, and a handover. */
export function WorkloadBoard({ officeId }: { officeId: string | undefined }) {
  const { t } = useTranslation();
  const workload = useWorkload(officeId);
  const [handover, setHandover] = useState<WorkloadItem | null>(null);
  return (
    <Card withBorder data-testid="workload-board">
      <Title order={2} size="h4" mb="sm">
        {t("assignment.workload")}
      </Title>
      {workload.isError && <QueryError error={workload.error} />}
      {workload.data?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="workload-empty">
          {t("assignment.noOfficers")}
        </Text>
      )}
      <Stack gap="md">
        {workload.data?.map((o) => (
          <OfficerLoad key={o.officerId} o={o} onHandover={() => setHandover(o)} />
        ))}
      </Stack>
      {handover && <HandoverModal officer={handover} onClose={() => setHandover(null)} />}
    </Card>
  );
}

function OfficerLoad({ o, onHandover }: { o: WorkloadItem; onHandover: () => void }) {
  const { t } = useTranslation();
  const { num, tier } = useExplain();
  const ratio = o.maxLoad > 0 ? o.load / o.maxLoad : 1;
  return (
    <div
      data-testid="workload-row"
      data-officer-id={o.officerId}
      data-open-cases={o.openCases}
      data-load={o.load}
      data-max-load={o.maxLoad}
      data-hearings={o.hearingsNext14Days}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <div>
          <Anchor component={Link} to={`/assignment/officers/${o.officerId}`} size="sm" fw={500}>
            <bdi>{o.fullName}</bdi>
          </Anchor>
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {tier(o.tier)}
            </Text>
            {o.onLeaveToday && (
              <Badge size="xs" color="orange" data-testid="workload-on-leave">
                {t("assignment.onLeave")}
              </Badge>
            )}
            {!o.active && (
              <Badge size="xs" color="gray" data-testid="workload-inactive">
                {t("assignment.inactive")}
              </Badge>
            )}
          </Group>
        </div>
        <Button
          size="xs"
          variant="light"
          color="orange"
          disabled={o.openCases === 0}
          onClick={onHandover}
          data-testid="handover-button"
        >
          {t("assignment.handover")}
        </Button>
      </Group>
      <Progress
        value={Math.min(100, ratio * 100)}
        color={loadColor(ratio)}
        size="md"
        mt={4}
        aria-label={t("assignment.loadOf", { load: num(o.load), max: num(o.maxLoad) })}
        data-testid="workload-bar"
      />
      <Group justify="space-between" gap="xs">
        <Text size="xs" data-testid="workload-open-cases">
          {t("assignment.openCases", { count: o.openCases, n: num(o.openCases) })}
        </Text>
        <Text size="xs" data-testid="workload-hearings" data-count={o.hearingsNext14Days}>
          {t("assignment.hearings", { count: o.hearingsNext14Days, n: num(o.hearingsNext14Days) })}
        </Text>
        <Text size="xs" c="dimmed" data-testid="workload-load">
          {t("assignment.loadOf", { load: num(o.load), max: num(o.maxLoad) })}
        </Text>
      </Group>
    </div>
  );
}
