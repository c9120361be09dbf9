import { NativeSelect, SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IDENTIFIER_TYPES, type MlaRequestDraft } from "../../../../../common/mla/request.ts";
import { Field } from "./fields.tsx";
import { ListEditor } from "./ListEditor.tsx";
import type { StepProps } from "./types.ts";

type Subject = NonNullable<MlaRequestDraft["subjects"]>[number];
type Identifier = NonNullable<Subject["identifiers"]>[number];
type Range = NonNullable<MlaRequestDraft["timeRanges"]>[number];

/**
 * Whose data, precisely: each subject with where they are (it decides the provider's entity, rule 12) and each
 * account identifier — a numeric ID beside a username or URL, an IP address with its date, time and zone (rule 2).
 */
export function StepSubjects({ draft, patch, readOnly, errors }: StepProps) {
  const { t } = useTranslation();
  const err = (path: string) => errors[`draft.${path}`];
  return (
    <Stack gap="md" data-testid="mla-step-subjects">
      <ListEditor<Subject>
        label={t("mla.fields.subjects")}
        items={draft.subjects ?? []}
        onChange={(subjects) => patch({ subjects })}
        blank={{ identifiers: [{ type: "username" }] }}
        disabled={readOnly}
        testId="mla-subjects"
        addLabel={t("mla.wizard.addSubject")}
      >
        {(s, update, i) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Field
                name="subjectName"
                value={s.name}
                onChange={(v) => update({ name: v })}
                disabled={readOnly}
              />
              <Field
                name="userLocation"
                value={s.userLocation}
                onChange={(v) => update({ userLocation: v.toUpperCase().slice(0, 2) || undefined })}
                disabled={readOnly}
                error={err(`subjects.${i}.userLocation`)}
                ltr
              />
            </SimpleGrid>
            <ListEditor<Identifier>
              label={t("mla.fields.identifiers")}
              items={s.identifiers ?? []}
              onChange={(identifiers) => update({ identifiers })}
              blank={{ type: "numeric_id" }}
              disabled={readOnly}
              testId={`mla-identifiers-${i}`}
              addLabel={t("mla.wizard.addIdentifier")}
            >
              {(id, set, j) => (
                <SimpleGrid cols={{ base: 1, sm: id.type === "ip" ? 4 : 2 }}>
                  <NativeSelect
                    label={t("mla.fields.identifierType")}
                    value={id.type}
                    onChange={(e) => set({ type: e.currentTarget.value as Identifier["type"] })}
                    data={IDENTIFIER_TYPES.map((k) => ({ value: k, label: t(`mla.identifier.${k}`) }))}
                    disabled={readOnly}
                    data-testid={`mla-identifier-type-${i}-${j}`}
                  />
                  <Field
                    name="identifierValue"
                    value={id.value}
                    onChange={(v) => set({ value: v })}
                    disabled={readOnly}
                    error={err(`subjects.${i}.identifiers.${j}.value`)}
                    ltr
                  />
                  {id.type === "ip" && (
                    <>
                      <Field
                        name="dateTime"
                        value={id.dateTime}
                        onChange={(v) => set({ dateTime: v })}
                        disabled={readOnly}
                        error={err(`subjects.${i}.identifiers.${j}.dateTime`)}
                        placeholder="2026-10-01T14:05:00"
                        ltr
                      />
                      <Field
                        name="timeZone"
                        value={id.timeZone}
                        onChange={(v) => set({ timeZone: v })}
                        disabled={readOnly}
                        placeholder="Asia/Karachi"
                        ltr
                      />
                    </>
                  )}
                </SimpleGrid>
              )}
            </ListEditor>
          </>
        )}
      </ListEditor>
      <ListEditor<Range>
        label={t("mla.fields.timeRanges")}
        items={draft.timeRanges ?? []}
        onChange={(timeRanges) => patch({ timeRanges })}
        blank={{}}
        disabled={readOnly}
        testId="mla-ranges"
        addLabel={t("mla.wizard.addRange")}
      >
        {(r, update, i) => (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field
              name="rangeFrom"
              value={r.from}
              onChange={(v) => update({ from: v })}
              disabled={readOnly}
              error={err(`timeRanges.${i}.from`)}
              placeholder="2026-09-01T00:00:00"
              ltr
            />
            <Field
              name="rangeTo"
              value={r.to}
              onChange={(v) => update({ to: v })}
              disabled={readOnly}
              error={err(`timeRanges.${i}.to`)}
              placeholder="2026-10-31T23:59:59"
              ltr
            />
            <Field
              name="timeZone"
              value={r.timeZone}
              onChange={(v) => update({ timeZone: v })}
              disabled={readOnly}
              placeholder="UTC"
              ltr
            />
          </SimpleGrid>
        )}
      </ListEditor>
    </Stack>
  );
}
