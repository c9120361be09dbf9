import { Button, Card, NativeSelect, Stack, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { type StatusChange, useChangeStatus } from "./api.ts";
import { useEnumOptions } from "./labels.tsx";
import {
  type CaseDetail,
  type CaseStatus,
  GOVERNMENT_RESULTS,
  type GovernmentResult,
  OUTCOMES,
  type Outcome,
  STAGES,
  type Stage,
} from "./types.ts";

const today = () => new Date().toISOString().slice(0, 10);

/** Moves the case along the transitions the server allows; a decision records outcome and result. */
export function CaseStatusForm({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const mutation = useChangeStatus(c.id);
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [status, setStatus] = useState<CaseStatus | "">("");
  const [stage, setStage] = useState<Stage | "">("");
  const [outcome, setOutcome] = useState<Outcome | "">("");
  const [result, setResult] = useState<GovernmentResult | "">("");
  const [decidedOn, setDecidedOn] = useState(today());

  const statusOptions = [
    { value: "", label: t("common.choose") },
    ...c.allowedTransitions.map((s) => ({ value: s, label: t(`status.${s}`) })),
  ];
  const stageOptions = [{ value: "", label: "—" }, ...useEnumOptions(STAGES, "stage")];
  const outcomeOptions = [{ value: "", label: t("common.choose") }, ...useEnumOptions(OUTCOMES, "outcome")];
  const resultOptions = [
    { value: "", label: t("common.choose") },
    ...useEnumOptions(GOVERNMENT_RESULTS, "governmentResult"),
  ];
  const deciding = status === "decided";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!status) return;
    clear();
    const body: StatusChange = { version: c.version, status };
    if (status === "pending" && stage) body.stage = stage;
    if (deciding) {
      if (outcome) body.outcome = outcome;
      if (result) body.governmentResult = result;
      if (decidedOn) body.decidedOn = decidedOn;
    }
    mutation.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("cases.statusChanged") });
        setStatus("");
      },
      onError: fail,
    });
  }

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t("cases.changeStatus")}
      </Title>
      <form onSubmit={submit} noValidate data-testid="status-form">
        <Stack gap="sm">
          <ProblemAlert error={problem} testId="status-error" shown={(k) => k in fieldErrors} />
          <NativeSelect
            label={t("cases.newStatus")}
            data={statusOptions}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as CaseStatus | "")}
            error={fieldErrors.status}
            data-testid="status-select"
          />
          {status === "pending" && (
            <NativeSelect
              label={t("fields.stage")}
              data={stageOptions}
              value={stage}
              onChange={(e) => setStage(e.currentTarget.value as Stage | "")}
              error={fieldErrors.stage}
              data-testid="status-stage"
            />
          )}
          {deciding && (
            <>
              <TextInput
                type="date"
                label={t("fields.decidedOn")}
                required
                value={decidedOn}
                onChange={(e) => setDecidedOn(e.currentTarget.value)}
                error={fieldErrors.decidedOn}
                data-testid="status-decided-on"
              />
              <NativeSelect
                label={t("fields.outcome")}
                required
                data={outcomeOptions}
                value={outcome}
                onChange={(e) => setOutcome(e.currentTarget.value as Outcome | "")}
                error={fieldErrors.outcome}
                data-testid="status-outcome"
              />
              <NativeSelect
                label={t("fields.governmentResult")}
                required
                data={resultOptions}
                value={result}
                onChange={(e) => setResult(e.currentTarget.value as GovernmentResult | "")}
                error={fieldErrors.governmentResult}
                data-testid="status-result"
              />
            </>
          )}
          <Button type="submit" disabled={!status} loading={mutation.isPending} data-testid="status-submit">
            {t("cases.applyStatus")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
