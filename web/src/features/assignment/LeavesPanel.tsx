import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { type OfficerProfile, useLeaves } from "./officersApi.ts";

/** Current and future leave periods: an officer on leave on the decision date is not eligible. */
export function LeavesPanel({ profile, editable }: { profile: OfficerProfile; editable: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { add, remove } = useLeaves(profile.userId);
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [reason, setReason] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    add.mutate(
      { startsOn, endsOn, reason: reason.trim() },
      {
        onSuccess: () => {
          setStartsOn("");
          setEndsOn("");
          setReason("");
        },
        onError: fail,
      },
    );
  }

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t("officers.leaves")}
      </Title>
      {profile.leaves.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="leave-empty">
          {t("officers.noLeaves")}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="leave-list">
          <Table.Tbody>
            {profile.leaves.map((l) => (
              <Table.Tr key={l.id} data-testid="leave-row" data-leave-id={l.id}>
                <Table.Td className="nowrap">
                  {formatDate(l.startsOn, locale)} – {formatDate(l.endsOn, locale)}
                </Table.Td>
                <Table.Td>
                  <bdi>{l.reason}</bdi>
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables === l.id}
                      onClick={() => remove.mutate(l.id, { onError: fail })}
                      data-testid="leave-remove"
                    >
                      {t("officers.remove")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <form onSubmit={submit} noValidate data-testid="leave-form">
          <Stack gap="xs" mt="sm">
            <ProblemAlert error={problem} testId="leave-error" shown={(k) => k in fieldErrors} />
            <Group grow align="flex-start">
              <TextInput
                type="date"
                label={t("officers.leaveStarts")}
                required
                value={startsOn}
                onChange={(e) => setStartsOn(e.currentTarget.value)}
                error={fieldErrors.startsOn}
                data-testid="leave-starts"
              />
              <TextInput
                type="date"
                label={t("officers.leaveEnds")}
                required
                value={endsOn}
                min={startsOn || undefined}
                onChange={(e) => setEndsOn(e.currentTarget.value)}
                error={fieldErrors.endsOn}
                data-testid="leave-ends"
              />
            </Group>
            <TextInput
              label={t("fields.reason")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldErrors.reason}
              data-testid="leave-reason"
            />
            <Group justify="flex-end">
              <Button
                type="submit"
                size="xs"
                disabled={!startsOn || !endsOn}
                loading={add.isPending}
                data-testid="leave-add"
              >
                {t("officers.addLeave")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
