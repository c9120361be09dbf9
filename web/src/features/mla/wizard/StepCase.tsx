import { Checkbox, SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MlaRequestDraft } from "../../../../../common/mla/request.ts";
import { Area, Field } from "./fields.tsx";
import { ListEditor } from "./ListEditor.tsx";
import type { StepProps } from "./types.ts";

type Offence = NonNullable<MlaRequestDraft["offences"]>[number];

/** The case abroad must understand: offences with provisions and penalties, the facts, and how the data proves them. */
export function StepCase({ detail, draft, patch, readOnly, errors }: StepProps) {
  const { t } = useTranslation();
  const err = (path: string) => errors[`draft.${path}`];
  const wantsContent = (draft.dataCategories ?? []).includes("content");
  return (
    <Stack gap="sm" data-testid="mla-step-case">
      <ListEditor<Offence>
        label={t("mla.fields.offences")}
        items={draft.offences ?? []}
        onChange={(offences) => patch({ offences })}
        blank={{}}
        disabled={readOnly}
        testId="mla-offences"
        addLabel={t("mla.fields.addOffence")}
      >
        {(o, update, i) => (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field
              name="provision"
              value={o.provision}
              onChange={(v) => update({ provision: v })}
              disabled={readOnly}
              error={err(`offences.${i}.provision`)}
            />
            <Field
              name="description"
              value={o.description}
              onChange={(v) => update({ description: v })}
              disabled={readOnly}
            />
            <Field
              name="maximumPenalty"
              value={o.maximumPenalty}
              onChange={(v) => update({ maximumPenalty: v })}
              disabled={readOnly}
            />
          </SimpleGrid>
        )}
      </ListEditor>
      <Area
        name="facts"
        value={draft.facts}
        onChange={(v) => patch({ facts: v })}
        disabled={readOnly}
        error={err("facts")}
      />
      <Area
        name="evidenceLink"
        value={draft.evidenceLink}
        onChange={(v) => patch({ evidenceLink: v })}
        disabled={readOnly}
        error={err("evidenceLink")}
      />
      {(wantsContent || draft.probableCause) && detail.kind !== "preservation" && (
        <Area
          name="probableCause"
          value={draft.probableCause}
          onChange={(v) => patch({ probableCause: v })}
          disabled={readOnly}
          description={t("mla.wizard.probableCauseHint")}
        />
      )}
      <Checkbox
        label={t("mla.fields.terrorismFinancing")}
        checked={draft.terrorismFinancing ?? false}
        onChange={(e) => patch({ terrorismFinancing: e.currentTarget.checked })}
        disabled={readOnly}
        data-testid="mla-draft-terrorismFinancing"
      />
      {detail.kind !== "preservation" && (
        <Area
          name="dualCriminality"
          value={draft.dualCriminality}
          onChange={(v) => patch({ dualCriminality: v })}
          disabled={readOnly}
        />
      )}
    </Stack>
  );
}
