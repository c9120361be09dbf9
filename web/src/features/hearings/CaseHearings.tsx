import { Anchor, Badge, Button, Card, Center, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime, isolate, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import type { CaseDetail } from "../cases/types.ts";
import { downloadUrl } from "../documents/api.ts";
import { type Hearing, useHearings } from "./api.ts";
import { CancelModal, RescheduleModal, ScheduleForm } from "./HearingForms.tsx";
import { OutcomeModal } from "./OutcomeModal.tsx";

const STATE_COLOR: Record<Hearing["state"], string> = { scheduled: "blue", held: "teal", cancelled: "gray" };
const OUTCOME_COLOR: Record<string, string> = {
  adjourned: "orange",
  argued: "indigo",
  reserved: "grape",
  decided: "green",
  notice_issued: "cyan",
};

type Dialog = { kind: "record" | "reschedule" | "cancel"; id: string } | null;

/** The case's hearings, oldest first; scheduling, outcomes, reschedules and cancellations with `abilities.edit`. */
export function CaseHearings({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const hearings = useHearings(c.id);
  const [scheduling, setScheduling] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canEdit = c.abilities.edit;
  // The dialog reads the hearing from the list, so a refetch (after a stale version) gives it the current one.
  const open = dialog ? hearings.data?.find((h) => h.id === dialog.id) : undefined;
  const close = () => setDialog(null);

  return (
    <Stack gap="md" data-testid="hearings-panel">
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t("hearings.title")}
          </Title>
          {canEdit && !scheduling && (
            <Button size="xs" onClick={() => setScheduling(true)} data-testid="hearing-schedule-open">
              {t("hearings.schedule")}
            </Button>
          )}
        </Group>
        {hearings.isPending && (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        )}
        {hearings.isError && <QueryError error={hearings.error} testId="hearings-error" />}
        {hearings.data?.length === 0 && (
          <Text c="dimmed" size="sm" data-testid="hearings-empty">
            {t("hearings.none")}
          </Text>
        )}
        {hearings.data && hearings.data.length > 0 && (
          <HearingTable
            items={hearings.data}
            canEdit={canEdit}
            canDownload={c.abilities.download}
            onAction={setDialog}
          />
        )}
      </Card>
      {canEdit && scheduling && <ScheduleForm caseId={c.id} onDone={() => setScheduling(false)} />}
      {open && dialog?.kind === "record" && (
        <OutcomeModal hearing={open} canUpload={c.abilities.upload} onClose={close} />
      )}
      {open && dialog?.kind === "reschedule" && <RescheduleModal hearing={open} onClose={close} />}
      {open && dialog?.kind === "cancel" && <CancelModal hearing={open} onClose={close} />}
    </Stack>
  );
}

type TableProps = {
  items: Hearing[];
  canEdit: boolean;
  canDownload: boolean;
  onAction: (dialog: Dialog) => void;
};

function HearingTable({ items, canEdit, canDownload, onAction }: TableProps) {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  const byId = new Map(items.map((h) => [h.id, h]));
  return (
    <Table.ScrollContainer minWidth={canEdit ? 1040 : 880}>
      <Table fz="sm" verticalSpacing="xs" data-testid="hearings-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("hearings.date")}</Table.Th>
            <Table.Th>{t("fields.bench")}</Table.Th>
            <Table.Th>{t("hearings.purpose")}</Table.Th>
            <Table.Th>{t("hearings.coram")}</Table.Th>
            <Table.Th>{t("hearings.state")}</Table.Th>
            <Table.Th>{t("hearings.proceedings")}</Table.Th>
            {canEdit && <Table.Th>{t("hearings.actions")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((h) => {
            const next = h.nextHearingId ? byId.get(h.nextHearingId) : undefined;
            return (
              <Table.Tr
                key={h.id}
                data-testid="hearing-row"
                data-hearing-id={h.id}
                data-date={h.date}
                data-state={h.state}
                data-outcome={h.outcome ?? ""}
              >
                <Table.Td>
                  <Text size="sm" fw={500} style={{ whiteSpace: "nowrap" }} data-testid="hearing-when">
                    {formatDate(h.date, locale)}
                  </Text>
                  {(h.time || h.serial) && (
                    <Text size="xs" c="dimmed">
                      {h.time && <span className="ltr">{h.time}</span>}
                      {h.time && h.serial ? " · " : ""}
                      {h.serial ? t("hearings.serialN", { n: h.serial }) : ""}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{h.bench ? name(h.bench) : name(h.court)}</Table.Td>
                <Table.Td>{h.purpose ? <bdi>{h.purpose}</bdi> : "—"}</Table.Td>
                <Table.Td>{h.coram ? <bdi>{h.coram}</bdi> : "—"}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Badge variant="light" color={STATE_COLOR[h.state]} data-testid="hearing-state">
                      {t(`hearings.states.${h.state}`)}
                    </Badge>
                    {h.outcome && (
                      <Badge color={OUTCOME_COLOR[h.outcome] ?? "gray"} data-testid="hearing-outcome-label">
                        {t(`hearings.outcomes.${h.outcome}`)}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Proceedings h={h} next={next} canDownload={canDownload} />
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    {h.state === "scheduled" && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          onClick={() => onAction({ kind: "record", id: h.id })}
                          data-testid="hearing-record"
                        >
                          {t("hearings.record")}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => onAction({ kind: "reschedule", id: h.id })}
                          data-testid="hearing-reschedule"
                        >
                          {t("hearings.reschedule")}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => onAction({ kind: "cancel", id: h.id })}
                          data-testid="hearing-cancel"
                        >
                          {t("hearings.cancel")}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What was recorded at a hearing: adjournment, result, appearances, notes, order sheet, next date, by whom. */
function Proceedings({ h, next, canDownload }: { h: Hearing; next?: Hearing; canDownload: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Stack gap={2}>
      {h.adjournmentReason && (
        <Text size="xs" data-testid="hearing-adjournment">
          <bdi>{h.adjournmentReason}</bdi>
          {h.adjournedAtRequestOf &&
            ` (${t("hearings.adjournedBy", { side: t(`hearings.sides.${h.adjournedAtRequestOf}`) })})`}
        </Text>
      )}
      {h.result && (
        <Text size="xs" data-testid="hearing-result-text">
          {t("hearings.result")}: {t(`outcome.${h.result}`)}
        </Text>
      )}
      {h.appeared && (
        <Text size="xs" className="prewrap">
          {t("hearings.appeared")}: <bdi>{h.appeared}</bdi>
        </Text>
      )}
      {h.notes && (
        <Text size="xs" c="dimmed" className="prewrap">
          <bdi>{h.notes}</bdi>
        </Text>
      )}
      {h.cancelReason && (
        <Text size="xs" data-testid="hearing-cancel-reason">
          {t("hearings.cancelledBecause")}: <bdi>{h.cancelReason}</bdi>
        </Text>
      )}
      {h.orderSheet && <OrderSheetLink sheet={h.orderSheet} canDownload={canDownload} />}
      {next && (
        <Text size="xs" data-testid="hearing-next">
          {t("hearings.nextFixed", { date: formatDate(next.date, locale) })}
        </Text>
      )}
      {h.recordedBy && (
        <Text size="xs" c="dimmed">
          {t("hearings.recordedBy", {
            name: isolate(h.recordedBy.fullName),
            at: formatDateTime(h.recordedAt, locale),
          })}
        </Text>
      )}
    </Stack>
  );
}

type Sheet = NonNullable<Hearing["orderSheet"]>;

function SheetLabel({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  return (
    <>
      {t("hearings.orderSheet")}: <bdi>{sheet.title}</bdi>
    </>
  );
}

/** The order sheet's current version to download, or the Documents tab where it is listed. */
function OrderSheetLink({ sheet, canDownload }: { sheet: Sheet; canDownload: boolean }) {
  if (canDownload) {
    return (
      <Anchor
        size="xs"
        href={downloadUrl(sheet.documentId, sheet.version)}
        data-testid="hearing-order-sheet-link"
      >
        <SheetLabel sheet={sheet} />
      </Anchor>
    );
  }
  return (
    <Anchor size="xs" component={Link} to="?tab=documents" data-testid="hearing-order-sheet-link">
      <SheetLabel sheet={sheet} />
    </Anchor>
  );
}
