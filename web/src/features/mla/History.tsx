import { Card, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime, useLocale } from "../../app/format.ts";
import type { MlaDetail } from "./api.ts";
import { useDuration, useMlaLabels } from "./labels.tsx";

/** Every move of a request: from, to, why, who in which role, when, and how long it sat in the state it left. */
export function History({ history }: { history: MlaDetail["history"] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const labels = useMlaLabels();
  const duration = useDuration();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("mla.history")}
        </Title>
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" verticalSpacing="xs" data-testid="mla-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("mla.at")}</Table.Th>
                <Table.Th>{t("mla.from")}</Table.Th>
                <Table.Th>{t("mla.to")}</Table.Th>
                <Table.Th>{t("mla.reason")}</Table.Th>
                <Table.Th>{t("mla.by")}</Table.Th>
                <Table.Th>{t("mla.role")}</Table.Th>
                <Table.Th>{t("mla.timeInPrevious")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((h) => (
                <Table.Tr
                  key={`${h.at}:${h.to}`}
                  data-testid="mla-history-row"
                  data-from={h.from ?? ""}
                  data-to={h.to}
                  data-role={h.role}
                >
                  <Table.Td>{formatDateTime(h.at, locale)}</Table.Td>
                  <Table.Td>{h.from ? labels.state(h.from) : "—"}</Table.Td>
                  <Table.Td>{labels.state(h.to)}</Table.Td>
                  <Table.Td data-testid="mla-history-reason" data-grounds={h.grounds.join(" ")}>
                    <bdi>{h.reason}</bdi>
                    {h.grounds.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t("mla.grounds")}:{" "}
                        {h.grounds.map((g) => t(`mla.refusalGround.${g}`, { defaultValue: g })).join(", ")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <bdi>{h.actor.fullName}</bdi>
                  </Table.Td>
                  <Table.Td data-testid="mla-history-role">
                    {t(`roles.${h.role}`, { defaultValue: h.role })}
                  </Table.Td>
                  <Table.Td data-testid="mla-history-duration" data-seconds={h.secondsInPrevious ?? ""}>
                    {duration(h.secondsInPrevious)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
