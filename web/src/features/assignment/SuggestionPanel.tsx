import { Alert, Button, Card, Group, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { isolate } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import type { CaseDetail } from "../cases/types.ts";
import { type CommitResult, type Preview, useCommit, useSuggestion } from "./api.ts";
import { Explanation } from "./Explanation.tsx";
import { useExplain } from "./explain.ts";
import { useOffice } from "./office.tsx";
import { proposed } from "./PreviewTable.tsx";
import { isStale } from "./summary.ts";

/**
 * On the case page: the engine's suggestion for this case, with the explanation. Accept commits it as
 * proposed; "Assign someone else" commits an override, which needs a written reason.
 */
export function SuggestionPanel({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const office = useOffice();
  const suggestion = useSuggestion(c.id);
  const open = c.status === "pending" || c.status === "appealed";
  if (!c.abilities.assign || !open) return null;

  const ask = () => suggestion.mutate(office.officeId);
  return (
    <Card withBorder data-testid="suggestion-card">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("suggestion.title")}
        </Title>
        <Button
          size="xs"
          variant={suggestion.data ? "default" : "filled"}
          loading={suggestion.isPending}
          disabled={!office.officeId}
          onClick={ask}
          data-testid="suggest-button"
        >
          {suggestion.data ? t("suggestion.again") : t("suggestion.suggest")}
        </Button>
      </Group>
      {!suggestion.data && !suggestion.isError && (
        <Text size="sm" c="dimmed">
          {t("suggestion.help")}
        </Text>
      )}
      <ProblemAlert error={suggestion.error} testId="suggestion-load-error" />
      {suggestion.data && (
        <Suggested
          key={suggestion.data.batchId}
          preview={suggestion.data}
          onAgain={ask}
          onDone={suggestion.reset}
        />
      )}
    </Card>
  );
}

function Suggested({
  preview,
  onAgain,
  onDone,
}: {
  preview: Preview;
  onAgain: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { short } = useExplain();
  const commit = useCommit();
  const { problem, fieldErrors, fail, clear, clearField } = useProblem();
  const [other, setOther] = useState(false);
  const [officerId, setOfficerId] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const item = preview.items[0]!;
  const { decision } = item;
  const p = proposed(decision);

  const options = useMemo(
    () => [
      {
        group: t("suggestion.eligible"),
        items: decision.candidates
          .filter((o) => o.officerId !== decision.chosenOfficerId)
          .map((o) => ({ value: o.officerId, label: isolate(o.name) })),
      },
      {
        group: t("suggestion.excludedGroup"),
        items: decision.excluded.map((o) => ({
          value: o.officerId,
          label: `${isolate(o.name)} — ${o.reasons.map((r) => short(r.code)).join(t("common.listSeparator"))}`,
        })),
      },
    ],
    [decision, short, t],
  );

  const done = (result: CommitResult) => {
    const name = result.items[0]?.officerName;
    notifications.show({
      color: "teal",
      message: name ? t("suggestion.assignedTo", { name: isolate(name) }) : t("assignment.staysInQueue"),
    });
    onDone();
  };

  function submitOverride(event: FormEvent) {
    event.preventDefault();
    if (!officerId) return;
    clear();
    commit.mutate(
      { batchId: preview.batchId, overrides: [{ caseId: item.caseId, officerId, reason }] },
      { onSuccess: done, onError: fail },
    );
  }

  return (
    <Stack gap="sm" data-testid="suggestion-panel" data-batch-id={preview.batchId}>
      {p.id ? (
        <Alert color="teal" variant="light" title={t("suggestion.proposed")}>
          <Text fw={600} data-testid="suggestion-officer" data-officer-id={p.id}>
            <bdi>{p.name}</bdi>
          </Text>
        </Alert>
      ) : (
        <Alert color="orange" variant="light" data-testid="suggestion-none">
          {t("suggestion.nobody")}
        </Alert>
      )}
      <Explanation decision={decision} clashes={item.hearingClashes} />
      <ProblemAlert
        error={problem}
        testId="suggestion-error"
        shown={(k) => k === "overrides.0.reason" || k === "overrides.0.officerId"}
      >
        {isStale(problem) && (
          <Button
            size="xs"
            mt="xs"
            variant="white"
            color="red"
            onClick={onAgain}
            data-testid="suggestion-again"
          >
            {t("assignment.previewAgain")}
          </Button>
        )}
      </ProblemAlert>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setOther((v) => !v)} data-testid="suggestion-other">
          {t("suggestion.other")}
        </Button>
        <Button
          color="teal"
          disabled={!p.id || commit.isPending}
          loading={commit.isPending && !other}
          onClick={() => {
            clear();
            commit.mutate({ batchId: preview.batchId }, { onSuccess: done, onError: fail });
          }}
          data-testid="suggestion-accept"
        >
          {t("suggestion.accept")}
        </Button>
      </Group>
      {other && (
        <form onSubmit={submitOverride} noValidate data-testid="override-form">
          <Stack gap="sm">
            <Select
              label={t("suggestion.otherOfficer")}
              required
              searchable
              data={options}
              value={officerId}
              onChange={setOfficerId}
              nothingFoundMessage={t("common.nothingFound")}
              error={fieldErrors["overrides.0.officerId"]}
              data-testid="override-officer"
            />
            <Textarea
              label={t("fields.reason")}
              description={t("suggestion.reasonHint")}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                clearField("overrides.0.reason");
              }}
              error={fieldErrors["overrides.0.reason"]}
              data-testid="override-reason"
            />
            <Group justify="flex-end">
              <Button
                type="submit"
                disabled={!officerId}
                loading={commit.isPending}
                data-testid="override-submit"
              >
                {t("suggestion.overrideSubmit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
