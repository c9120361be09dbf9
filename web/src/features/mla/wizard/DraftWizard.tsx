import { Alert, Badge, Button, Card, Group, Stack, Stepper, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { checkDraft } from "../../../../../common/mla/check.ts";
import type { MlaRequestDraft } from "../../../../../common/mla/request.ts";
import { ProblemAlert, useProblem } from "../../../app/forms.tsx";
import { type MlaDetail, type MlaFinding, useMlaReference, useSaveMlaDraft } from "../api.ts";
import { Findings } from "../Findings.tsx";
import { StepAssistance } from "./StepAssistance.tsx";
import { StepCase } from "./StepCase.tsx";
import { StepParties } from "./StepParties.tsx";
import { StepReferences } from "./StepReferences.tsx";
import { StepSubjects } from "./StepSubjects.tsx";
import { type Draft, STEPS, type Step, stepOfField } from "./types.ts";

/** Empty strings, empty lists and empty objects left out, so an untouched field is "not given", not "". */
function clean(value: unknown): unknown {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (Array.isArray(value)) {
    const items = value.map(clean).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, clean(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/**
 * The drafting assistant (issue 5 item 3): the request in steps, checked against the 16 rules as the officer
 * types — with the rules and directory the Central Authority keeps, worded in the screen's language — each step
 * showing how many findings wait on it. Saving sends the whole draft with the version read; until the reference
 * data has loaded, the server's own check of the saved draft is shown.
 */
export function DraftWizard({
  detail,
  onCheck,
}: {
  detail: MlaDetail;
  onCheck: (check: { findings: MlaFinding[]; score: number; live: boolean }) => void;
}) {
  const { t, i18n } = useTranslation();
  const save = useSaveMlaDraft(detail.id);
  const reference = useMlaReference();
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [active, setActive] = useState(0);
  const [caseId, setCaseId] = useState<string | null>(detail.caseId);
  const [draft, setDraft] = useState<Draft>(() => {
    const { kind: _kind, ...rest } = detail.draft as MlaRequestDraft;
    return rest;
  });
  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  const readOnly = !detail.abilities.editDraft;
  const lang = i18n.language === "ur" ? "ur" : "en";

  const check = useMemo(() => {
    if (!reference.data) return { ...detail.check, live: false };
    const followed = detail.links
      .filter((l) => l.direction === "earlier")
      .map((l) => ({ kind: l.kind, reference: l.reference }));
    const full = {
      ...(clean(draft) as Draft | undefined),
      kind: detail.kind,
      ...(followed.length ? { linkedRequests: followed } : {}),
    } as MlaRequestDraft;
    const result = checkDraft(full, reference.data.directory, reference.data.rules, { lang });
    return { findings: result.findings, score: result.score, live: true };
  }, [draft, reference.data, detail.check, detail.links, detail.kind, lang]);
  // the page's score and findings panel show the live check
  useEffect(() => onCheck(check), [check, onCheck]);

  const waiting = (step: Step) =>
    check.findings.filter((f) => f.severity !== "suggestion" && stepOfField(f.field) === step).length;

  function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    const body = {
      version: detail.version,
      draft: (clean(draft) ?? {}) as Draft,
      ...(caseId !== detail.caseId ? { caseId } : {}),
    };
    save.mutate(body, {
      onSuccess: () => notifications.show({ color: "teal", message: t("mla.saved") }),
      onError: fail,
    });
  }

  const props = { detail, draft, patch, readOnly, errors: fieldErrors, directory: reference.data?.directory };
  const body: Record<Step, ReactNode> = {
    parties: <StepParties {...props} />,
    subjects: <StepSubjects {...props} />,
    case: <StepCase {...props} />,
    assistance: <StepAssistance {...props} />,
    references: <StepReferences {...props} caseId={caseId} setCaseId={setCaseId} />,
    review: <Findings findings={check.findings} />,
  };
  return (
    <Card withBorder component="form" onSubmit={submit} data-testid="mla-draft-form" data-live={check.live}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("mla.draftTitle")}
          </Title>
          {!readOnly && (
            <Button type="submit" loading={save.isPending} data-testid="mla-draft-save">
              {t("common.save")}
            </Button>
          )}
        </Group>
        {readOnly && (
          <Alert color="gray" data-testid="mla-draft-readonly">
            {t("mla.readOnly")}
          </Alert>
        )}
        <ProblemAlert error={problem} testId="mla-draft-error" />
        <Stepper active={active} onStepClick={setActive} size="sm" allowNextStepsSelect wrap>
          {STEPS.map((step) => {
            const n = step === "review" ? 0 : waiting(step);
            return (
              <Stepper.Step
                key={step}
                label={t(`mla.wizard.steps.${step}`)}
                description={
                  n > 0 ? (
                    <Badge size="xs" color="red" variant="light" data-testid={`mla-step-count-${step}`}>
                      {t("mla.wizard.toFix", { count: n })}
                    </Badge>
                  ) : undefined
                }
                data-testid={`mla-step-${step}-tab`}
              >
                {body[step]}
              </Stepper.Step>
            );
          })}
        </Stepper>
        <Group justify="space-between">
          <Button
            variant="default"
            disabled={active === 0}
            onClick={() => setActive((a) => a - 1)}
            data-testid="mla-step-back"
          >
            {t("mla.wizard.back")}
          </Button>
          <Button
            variant="default"
            disabled={active === STEPS.length - 1}
            onClick={() => setActive((a) => a + 1)}
            data-testid="mla-step-next"
          >
            {t("mla.wizard.next")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
