import { Button, Card, Group, MultiSelect, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { REFUSAL_GROUND_CODES } from "../../../../common/mla/grounds.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { type MlaDetail, useMlaReference, useMoveMla } from "./api.ts";
import { useMlaLabels } from "./labels.tsx";

type GroundsKind = "deficiency" | "refusal";

/** The choices for a move's grounds: drafting rules by title for a return, refusal grounds for a refusal. */
function useGroundOptions(): Record<GroundsKind, { value: string; label: string }[]> {
  const { t, i18n } = useTranslation();
  const rules = useMlaReference().data?.rules ?? [];
  return {
    deficiency: rules.map((r) => ({
      value: r.code,
      label: `${r.number}. ${i18n.language === "ur" ? r.title_ur : r.title_en}`,
    })),
    refusal: REFUSAL_GROUND_CODES.map((g) => ({ value: g, label: t(`mla.refusalGround.${g}`) })),
  };
}

/**
 * The moves open to the reader as buttons; a reason box when any of them needs one (a return says why), and the
 * grounds a return or refusal records — the figures behind the deficiency and refusal rates.
 */
export function Moves({ detail }: { detail: MlaDetail }) {
  const { t } = useTranslation();
  const options = useGroundOptions();
  const [grounds, setGrounds] = useState<Record<GroundsKind, string[]>>({ deficiency: [], refusal: [] });
  const groundKinds = [...new Set(detail.moves.flatMap((m) => (m.grounds ? [m.grounds] : [])))];
  const labels = useMlaLabels();
  const move = useMoveMla(detail.id);
  const { problem, fail, clear } = useProblem();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const needsReason = detail.moves.some((m) => m.reasonRequired);

  function go(to: string, reasonRequired: boolean, kind: GroundsKind | null) {
    clear();
    setReasonError(null);
    if (reasonRequired && !reason.trim()) {
      setReasonError(t("mla.reasonRequired"));
      return;
    }
    move.mutate(
      { version: detail.version, to, reason: reason.trim(), grounds: kind ? grounds[kind] : [] },
      {
        onSuccess: (next) => {
          setReason("");
          setGrounds({ deficiency: [], refusal: [] });
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
            {groundKinds.map((kind) => (
              <MultiSelect
                key={kind}
                label={t(`mla.groundsLabel.${kind}`)}
                data={options[kind]}
                value={grounds[kind]}
                onChange={(v) => setGrounds((g) => ({ ...g, [kind]: v }))}
                searchable
                clearable
                data-testid={`mla-grounds-${kind}`}
              />
            ))}
            <Group gap="sm">
              {detail.moves.map((m) => (
                <Button
                  key={m.to}
                  variant={m.reasonRequired ? "light" : "filled"}
                  color={m.reasonRequired ? "orange" : undefined}
                  loading={move.isPending && move.variables?.to === m.to}
                  onClick={() => go(m.to, m.reasonRequired, m.grounds)}
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
