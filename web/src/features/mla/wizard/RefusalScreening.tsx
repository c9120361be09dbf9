import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { REFUSAL_GROUNDS, SCREENING_OUTCOMES } from "../../../../../common/mla/request.ts";
import type { StepProps } from "./types.ts";

/** An incoming request screened ground by ground (rules 14 and 15): present, not present or unclear, with a note. */
export function RefusalScreening({ draft, patch, readOnly }: StepProps) {
  const { t } = useTranslation();
  const screening = draft.refusalScreening ?? {};
  return (
    <Stack gap={6} data-testid="mla-refusal-screening">
      <Text size="sm" fw={500}>
        {t("mla.fields.refusalScreening")}
      </Text>
      {REFUSAL_GROUNDS.map((g) => {
        const s = screening[g] ?? {};
        const set = (p: typeof s) => patch({ refusalScreening: { ...screening, [g]: { ...s, ...p } } });
        return (
          <SimpleGrid key={g} cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t(`mla.ground.${g}`)}
              value={s.outcome ?? ""}
              onChange={(e) =>
                set({ outcome: (e.currentTarget.value || undefined) as (typeof SCREENING_OUTCOMES)[number] })
              }
              data={[
                { value: "", label: t("mla.wizard.notScreened") },
                ...SCREENING_OUTCOMES.map((o) => ({ value: o, label: t(`mla.screening.${o}`) })),
              ]}
              disabled={readOnly}
              data-testid={`mla-screening-${g}`}
            />
            <TextInput
              label={t("mla.fields.note")}
              value={s.note ?? ""}
              onChange={(e) => set({ note: e.currentTarget.value })}
              disabled={readOnly}
            />
          </SimpleGrid>
        );
      })}
    </Stack>
  );
}
