import { Button, Group, NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { entityFor, findProvider, findState } from "../../../../../common/mla/directory.ts";
import { CHANNELS, TRANSLATION_STATUSES } from "../../../../../common/mla/request.ts";
import { Choice, Field } from "./fields.tsx";
import type { StepProps } from "./types.ts";

/** Who asks whom: the other state, the provider and its legal entity, the domestic case, language and channel. */
export function StepParties({ detail, draft, patch, readOnly, errors, directory }: StepProps) {
  const { t } = useTranslation();
  const incoming = detail.kind === "mla_incoming";
  const stateField = incoming ? "requestingState" : "requestedState";
  const stateCode = draft[stateField];
  const state = directory ? findState(directory, stateCode) : undefined;
  const provider = directory ? findProvider(directory, draft.provider?.code) : undefined;
  const location = draft.subjects?.find((s) => s.userLocation)?.userLocation;
  const answer = directory && provider && location ? entityFor(directory, provider, location) : undefined;
  const suggested = answer?.kind === "found" ? answer.entity : undefined;
  const dc = draft.domesticCase ?? {};
  const tr = draft.translation ?? {};
  return (
    <Stack gap="sm" data-testid="mla-step-parties">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Field
          name={stateField}
          value={stateCode}
          onChange={(v) => patch({ [stateField]: v.toUpperCase().slice(0, 2) || undefined })}
          disabled={readOnly}
          error={errors[`draft.${stateField}`]}
          ltr
          description={state ? state.name : t("mla.wizard.stateHint")}
        />
        {!incoming && (
          <NativeSelect
            label={t("mla.fields.provider")}
            value={draft.provider?.code ?? ""}
            onChange={(e) =>
              patch({ provider: { ...draft.provider, code: e.currentTarget.value || undefined } })
            }
            data={[
              { value: "", label: t("mla.wizard.noProvider") },
              ...(directory?.providers ?? []).map((p) => ({ value: p.code, label: p.name })),
            ]}
            disabled={readOnly}
            data-testid="mla-draft-provider"
          />
        )}
      </SimpleGrid>
      {!incoming && provider && (
        <Stack gap={4}>
          <Field
            name="providerEntity"
            value={draft.provider?.entity}
            onChange={(v) => patch({ provider: { ...draft.provider, entity: v } })}
            disabled={readOnly}
            error={errors["draft.provider.entity"]}
          />
          {suggested && suggested.name !== draft.provider?.entity && (
            <Group gap="xs">
              <Text size="xs" c="dimmed" data-testid="mla-entity-suggestion">
                {t("mla.wizard.entityFor", { location, entity: suggested.name })}
              </Text>
              {!readOnly && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => patch({ provider: { ...draft.provider, entity: suggested.name } })}
                  data-testid="mla-entity-use"
                >
                  {t("mla.wizard.use")}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      )}
      {!incoming && !provider && (
        <Field
          name="custodian"
          value={draft.custodian}
          onChange={(v) => patch({ custodian: v })}
          disabled={readOnly}
        />
      )}
      <Text size="sm" fw={500}>
        {t("mla.wizard.domesticCase")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(["firNumber", "policeStation", "agency", "court"] as const).map((k) => (
          <Field
            key={k}
            name={k}
            value={dc[k]}
            onChange={(v) => patch({ domesticCase: { ...dc, [k]: v } })}
            disabled={readOnly}
            error={errors[`draft.domesticCase.${k}`]}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Field
          name="language"
          value={draft.language}
          onChange={(v) => patch({ language: v.toLowerCase().slice(0, 2) || undefined })}
          disabled={readOnly}
          error={errors["draft.language"]}
          ltr
          description={
            state?.languages
              ? t("mla.wizard.accepts", { languages: state.languages.value.join(", ") })
              : undefined
          }
        />
        <Choice
          name="channel"
          value={draft.channel}
          options={CHANNELS}
          labelOf={(c) => t(`mla.channel.${c}`)}
          onChange={(v) => patch({ channel: v as (typeof CHANNELS)[number] | undefined })}
          disabled={readOnly}
        />
        <Choice
          name="translationStatus"
          value={tr.status}
          options={TRANSLATION_STATUSES}
          labelOf={(c) => t(`mla.translation.${c}`)}
          onChange={(v) =>
            patch({ translation: { ...tr, status: v as (typeof TRANSLATION_STATUSES)[number] } })
          }
          disabled={readOnly}
        />
        <Field
          name="translator"
          value={tr.translator}
          onChange={(v) => patch({ translation: { ...tr, translator: v } })}
          disabled={readOnly}
        />
      </SimpleGrid>
    </Stack>
  );
}
