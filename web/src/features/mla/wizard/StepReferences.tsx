import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type MlaRequestDraft, REFERENCE_KINDS } from "../../../../../common/mla/request.ts";
import { ProblemAlert, useProblem } from "../../../app/forms.tsx";
import { useLinkMla, useUnlinkMla } from "../api.ts";
import { MlaStateBadge, useMlaLabels } from "../labels.tsx";
import { CaseLink } from "./CaseLink.tsx";
import { Field } from "./fields.tsx";
import { ListEditor } from "./ListEditor.tsx";
import type { StepProps } from "./types.ts";

type Reference = NonNullable<MlaRequestDraft["earlierReferences"]>[number];

/**
 * Every reference the request must cite (rule 13): the register's own requests it follows, linked here (a link
 * is saved at once), references from outside CAMS typed in, and the CAMS case it serves.
 */
export function StepReferences(
  props: StepProps & { caseId: string | null; setCaseId: (id: string | null) => void },
) {
  const { draft, patch, readOnly, errors } = props;
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="mla-step-references">
      <Links {...props} />
      <ListEditor<Reference>
        label={t("mla.fields.earlierReferences")}
        items={draft.earlierReferences ?? []}
        onChange={(earlierReferences) => patch({ earlierReferences })}
        blank={{}}
        disabled={readOnly}
        testId="mla-references"
        addLabel={t("mla.wizard.addReference")}
      >
        {(r, update, i) => (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t("mla.fields.referenceKind")}
              value={r.kind ?? ""}
              onChange={(e) => update({ kind: (e.currentTarget.value || undefined) as Reference["kind"] })}
              data={[
                { value: "", label: t("common.notSpecified") },
                ...REFERENCE_KINDS.map((k) => ({ value: k, label: t(`mla.referenceKind.${k}`) })),
              ]}
              disabled={readOnly}
            />
            <Field
              name="referenceNumber"
              value={r.reference}
              onChange={(v) => update({ reference: v })}
              disabled={readOnly}
              ltr
            />
            <Field
              name="referenceDate"
              value={r.date}
              onChange={(v) => update({ date: v || undefined })}
              disabled={readOnly}
              error={errors[`draft.earlierReferences.${i}.date`]}
              placeholder="2026-10-01"
              ltr
            />
          </SimpleGrid>
        )}
      </ListEditor>
      <CaseLink
        current={props.detail.case}
        caseId={props.caseId}
        setCaseId={props.setCaseId}
        readOnly={readOnly}
      />
    </Stack>
  );
}

function Links({ detail, readOnly }: StepProps) {
  const { t } = useTranslation();
  const labels = useMlaLabels();
  const link = useLinkMla(detail.id);
  const unlink = useUnlinkMla(detail.id);
  const { problem, fail, clear } = useProblem();
  const [reference, setReference] = useState("");
  const [relation, setRelation] = useState<"follows" | "related">("follows");
  return (
    <Stack gap={6} data-testid="mla-links" data-count={detail.links.length}>
      <Text size="sm" fw={500}>
        {t("mla.links.title")}
      </Text>
      {detail.links.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("mla.links.none")}
        </Text>
      )}
      {detail.links.map((l) => (
        <Group
          key={`${l.direction}:${l.id}`}
          gap="xs"
          data-testid="mla-linked-request"
          data-reference={l.reference}
        >
          <Badge variant="light" color={l.direction === "earlier" ? "blue" : "grape"}>
            {t(`mla.links.${l.direction}.${l.relation}`)}
          </Badge>
          <Anchor component={Link} to={`/mla/${l.id}`} className="ltr">
            {l.reference}
          </Anchor>
          <Text size="sm">
            <bdi>{l.title}</bdi> · {labels.kind(l.kind)}
          </Text>
          <MlaStateBadge state={l.state} />
          {!readOnly && l.direction === "earlier" && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => unlink.mutate(l.id, { onError: fail })}
              data-testid="mla-link-remove"
            >
              {t("mla.wizard.remove")}
            </Button>
          )}
        </Group>
      ))}
      <ProblemAlert error={problem} testId="mla-link-error" />
      {!readOnly && (
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t("mla.links.reference")}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            placeholder="PRES-2026-0001"
            classNames={{ input: "ltr" }}
            data-testid="mla-link-reference"
          />
          <NativeSelect
            label={t("mla.links.relation")}
            value={relation}
            onChange={(e) => setRelation(e.currentTarget.value as "follows" | "related")}
            data={(["follows", "related"] as const).map((r) => ({
              value: r,
              label: t(`mla.links.earlier.${r}`),
            }))}
          />
          <Button
            variant="light"
            disabled={!reference.trim()}
            loading={link.isPending}
            onClick={() => {
              clear();
              link.mutate(
                { reference: reference.trim(), relation },
                { onSuccess: () => setReference(""), onError: fail },
              );
            }}
            data-testid="mla-link-add"
          >
            {t("mla.links.add")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
