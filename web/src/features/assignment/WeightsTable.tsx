import { Button, Card, Group, NumberInput, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatAmount, useLocale } from "../../app/format.ts";
import { ProblemAlert, QueryError, useProblem } from "../../app/forms.tsx";
import { useCaseTypes } from "../reference/api.ts";
import { useExplain } from "./explain.ts";
import { useUpdateWeight, useWeights, type Weight } from "./policyApi.ts";

const FLAG_KEYS: Record<string, string> = {
  constitutional: "constitutional",
  contempt: "contempt",
  tax_recovery: "taxRecovery",
};

/**
 * Case weights: what one case of a type counts for in an officer's load, plus what a flag or a large amount
 * adds. Shared by every office; the Law Ministry and administrators edit them.
 */
export function WeightsTable({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const weights = useWeights();
  const source = weights.data?.[0]?.source;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb={4}>
        {t("weights.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("weights.help")}
      </Text>
      {weights.isError && <QueryError error={weights.error} />}
      {weights.data && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing={4} data-testid="weights-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("weights.what")}</Table.Th>
                <Table.Th>{t("weights.weight")}</Table.Th>
                <Table.Th>{t("weights.threshold")}</Table.Th>
                {editable && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weights.data.map((w) => (
                <WeightRow key={`${w.id}:${w.version}`} w={w} editable={editable} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {source && (
        <Text size="xs" c="dimmed" mt="xs">
          {t("weights.source")}: <bdi>{source}</bdi>
        </Text>
      )}
    </Card>
  );
}

function WeightRow({ w, editable }: { w: Weight; editable: boolean }) {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  const { num } = useExplain();
  const caseTypes = useCaseTypes().data;
  const update = useUpdateWeight();
  const { problem, fail, clear } = useProblem();
  const [weight, setWeight] = useState<number | string>(w.weight);
  const [threshold, setThreshold] = useState<number | string>(w.threshold ?? "");
  const changed =
    Number(weight) !== w.weight || (w.kind === "amount_over" && Number(threshold) !== w.threshold);

  let what: ReactNode;
  if (w.kind === "case_type") {
    const type = caseTypes?.find((c) => c.code === w.key);
    what = type ? (
      <>
        <span className="ltr">{type.abbreviation}</span> — {name(type)}
      </>
    ) : (
      <span className="ltr">{w.key}</span>
    );
  } else if (w.kind === "flag") {
    what = t("weights.flag", { flag: t(`flags.${FLAG_KEYS[w.key] ?? w.key}`, { defaultValue: w.key }) });
  } else {
    what = t("weights.amountOver");
  }

  function submit() {
    clear();
    update.mutate(
      {
        id: w.id,
        version: w.version,
        weight: Number(weight),
        ...(w.kind === "amount_over" ? { threshold: threshold === "" ? null : Number(threshold) } : {}),
      },
      { onSuccess: () => notifications.show({ color: "teal", message: t("weights.saved") }), onError: fail },
    );
  }

  return (
    <Table.Tr data-testid="weight-row" data-kind={w.kind} data-key={w.key} data-weight={w.weight}>
      <Table.Td>
        <Text size="sm">{what}</Text>
        {problem !== null && <ProblemAlert error={problem} testId="weight-error" />}
      </Table.Td>
      <Table.Td>
        {editable ? (
          <NumberInput
            size="xs"
            w={110}
            min={0}
            max={100}
            decimalScale={2}
            value={weight}
            onChange={setWeight}
            aria-label={t("weights.weight")}
            data-testid="weight-value"
          />
        ) : (
          num(w.weight)
        )}
      </Table.Td>
      <Table.Td>
        {w.kind !== "amount_over" ? (
          "—"
        ) : editable ? (
          <NumberInput
            size="xs"
            w={170}
            min={0}
            thousandSeparator=","
            value={threshold}
            onChange={setThreshold}
            aria-label={t("weights.threshold")}
            data-testid="weight-threshold"
          />
        ) : (
          formatAmount(w.threshold, locale)
        )}
      </Table.Td>
      {editable && (
        <Table.Td>
          <Group justify="flex-end">
            <Button
              size="xs"
              disabled={!changed || weight === ""}
              loading={update.isPending}
              onClick={submit}
              data-testid="weight-save"
            >
              {t("common.save")}
            </Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
