import { Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { type MlaDetail, useMoveMla } from "./api.ts";
import { useMlaLabels } from "./labels.tsx";

/** The moves open to the reader as buttons; a reason box when any of them needs one (a return says why). */
export function Moves({ detail }: { detail: MlaDetail }) {
  const { t } = useTranslation();
  const labels = useMlaLabels();
  const move = useMoveMla(detail.id);
  const { problem, fail, clear } = useProblem();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const needsReason = detail.moves.some((m) => m.reasonRequired);

  function go(to: string, reasonRequired: boolean) {
    clear();
    setReasonError(null);
    if (reasonRequired && !reason.trim()) {
      setReasonError(t("mla.reasonRequired"));
      return;
    }
    move.mutate(
      { version: detail.version, to, reason: reason.trim() },
      {
        onSuccess: (next) => {
          setReason("");
          notifications.show({ color: "teal", message: t("mla.moved", { state: labels.state(next.state) }) });
        },
        onError: fail,
      },
    );
  }

  return (
    <Card withBorder data-testid="mla-moves">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("mla.moves")}
        </Title>
        <ProblemAlert error={problem} testId="mla-move-error" />
        {detail.moves.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="mla-moves-none">
            {t("mla.noMoves")}
          </Text>
        ) : (
          <>
            {needsReason && (
              <Textarea
                label={t("mla.reason")}
                value={reason}
                onChange={(e) => {
                  setReason(e.currentTarget.value);
                  setReasonError(null);
                }}
                error={reasonError}
                errorProps={{ "data-testid": "mla-reason-error" }}
                autosize
                minRows={2}
                maxLength={2000}
                data-testid="mla-reason"
              />
            )}
            <Group gap="sm">
              {detail.moves.map((m) => (
                <Button
                  key={m.to}
                  variant={m.reasonRequired ? "light" : "filled"}
                  color={m.reasonRequired ? "orange" : undefined}
                  loading={move.isPending && move.variables?.to === m.to}
                  onClick={() => go(m.to, m.reasonRequired)}
                  data-testid={`mla-move-${m.to}`}
                  data-reason-required={m.reasonRequired}
                >
                  {t("mla.moveTo", { state: labels.state(m.to) })}
                </Button>
              ))}
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
