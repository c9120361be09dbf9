import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, isolate, useLocale } from "../../app/format.ts";
import type { Deadline } from "./api.ts";
import { Derivation } from "./Derivation.tsx";
import { DaysLeftBadge, DeadlineStateBadge, RuleLine, useDeadlineTitle } from "./labels.tsx";

export type DeadlineAction = "edit" | "close";

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/**
 * One deadline of a case: title, state, the legal and internal due dates, the days left coloured by urgency,
 * the rule with its source and status, the certified-copy dates, and its derivation behind a toggle. With
 * `abilities.edit` an open deadline offers its copy dates and rule, and closing it.
 */
export function DeadlineCard({ d, onAction }: { d: Deadline; onAction: (action: DeadlineAction) => void }) {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  const [shown, { toggle }] = useDisclosure(false);
  const open = d.state === "open";
  const title = useDeadlineTitle()(d);
  return (
    <Card
      withBorder
      data-testid="deadline-item"
      data-deadline-id={d.id}
      data-kind={d.kind}
      data-state={d.state}
      data-legal-due={d.legalDueOn}
      data-internal-due={d.internalDueOn}
      data-provisional={d.provisional}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Text fw={600} data-testid="deadline-title">
              <bdi>{title}</bdi>
            </Text>
            <Group gap={6}>
              <Badge variant="outline" color="gray" data-testid="deadline-kind">
                {t(`deadlines.kinds.${d.kind}`)}
              </Badge>
              <DeadlineStateBadge state={d.state} />
              {d.provisional && (
                <Badge color="yellow" variant="light" data-testid="deadline-provisional">
                  {t("deadlines.provisional")}
                </Badge>
              )}
            </Group>
          </Stack>
          <DaysLeftBadge daysLeft={d.daysLeft} closed={!open} />
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Fact label={t("deadlines.legalDue")} testId="deadline-legal-due">
            {formatDate(d.legalDueOn, locale)}
          </Fact>
          <Fact label={t("deadlines.internalDue")} testId="deadline-internal-due">
            {formatDate(d.internalDueOn, locale)}
          </Fact>
          <Fact label={t(`deadlines.triggerOn.${d.kind}`, { defaultValue: t("deadlines.triggerOn.other") })}>
            {formatDate(d.triggerOn, locale)}
          </Fact>
          <Fact label={t("deadlines.calendarCourt")}>
            {d.calendarCourt ? name(d.calendarCourt) : t("deadlines.everyCourt")}
          </Fact>
        </SimpleGrid>
        <RuleLine rule={d.rule} />
        {(d.copyAppliedOn || d.copyReadyOn) && (
          <Text size="sm" data-testid="deadline-copy">
            {t("deadlines.copyLine", {
              applied: formatDate(d.copyAppliedOn, locale),
              ready: d.copyReadyOn ? formatDate(d.copyReadyOn, locale) : t("deadlines.notReady"),
            })}
          </Text>
        )}
        {!open && (
          <Text size="sm" c="dimmed" data-testid="deadline-closed">
            {t("deadlines.closedBy", {
              state: t(`deadlines.states.${d.state}`),
              name: isolate(d.closedBy?.fullName ?? "—"),
              at: formatDateTime(d.closedAt, locale),
            })}
            {d.closedNote && (
              <>
                {" — "}
                <bdi>{d.closedNote}</bdi>
              </>
            )}
          </Text>
        )}
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={toggle}
            aria-expanded={shown}
            data-testid="deadline-derivation-toggle"
          >
            {shown ? t("deadlines.hideDerivation") : t("deadlines.showDerivation")}
          </Button>
          {open && d.abilities.edit && (
            <>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => onAction("edit")}
                data-testid="deadline-edit"
              >
                {t("deadlines.editDates")}
              </Button>
              <Button
                size="compact-sm"
                variant="light"
                color="gray"
                onClick={() => onAction("close")}
                data-testid="deadline-close"
              >
                {t("deadlines.close")}
              </Button>
            </>
          )}
        </Group>
        {shown && <Derivation d={d} />}
      </Stack>
    </Card>
  );
}
