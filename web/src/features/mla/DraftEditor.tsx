import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  DATA_CATEGORIES,
  LEGAL_BASIS_KINDS,
  type MlaRequestDraft,
  URGENCY_LEVELS,
} from "../../../../common/mla/request.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { type MlaDetail, useSaveMlaDraft } from "./api.ts";
import { OffencesEditor } from "./OffencesEditor.tsx";

type Draft = Omit<MlaRequestDraft, "kind">;

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
 * The draft's main fields. Saving sends the whole draft (fields not shown here are kept as they were) with the
 * version read; the answer carries the new findings and score, which the page shows at once.
 */
export function DraftEditor({ detail }: { detail: MlaDetail }) {
  const { t } = useTranslation();
  const save = useSaveMlaDraft(detail.id);
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [draft, setDraft] = useState<Draft>(() => {
    const { kind: _kind, ...rest } = detail.draft as MlaRequestDraft;
    return rest;
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (
    key: "facts" | "evidenceLink" | "assistanceSought" | "confidentiality" | "preservationNeed",
  ) => ({
    label: t(`mla.fields.${key}`),
    value: draft[key] ?? "",
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: fieldErrors[`draft.${key}`],
    autosize: true,
    minRows: 2,
    disabled: !detail.abilities.editDraft,
    "data-testid": `mla-draft-${key}`,
  });
  const readOnly = !detail.abilities.editDraft;

  function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    const body = { version: detail.version, draft: (clean(draft) ?? {}) as Draft };
    save.mutate(body, {
      onSuccess: () => notifications.show({ color: "teal", message: t("mla.saved") }),
      onError: fail,
    });
  }

  return (
    <Card withBorder component="form" onSubmit={submit} data-testid="mla-draft-form">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("mla.draftTitle")}
        </Title>
        {readOnly && (
          <Alert color="gray" data-testid="mla-draft-readonly">
            {t("mla.readOnly")}
          </Alert>
        )}
        <ProblemAlert error={problem} testId="mla-draft-error" />
        {detail.kind === "preservation" && (
          <>
            <Checkbox
              label={t("mla.fields.mlaWillFollow")}
              checked={draft.mlaWillFollow ?? false}
              onChange={(e) => set("mlaWillFollow", e.currentTarget.checked)}
              disabled={readOnly}
              data-testid="mla-draft-mlaWillFollow"
            />
            <Textarea {...text("preservationNeed")} />
          </>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("mla.fields.requestedState")}
            value={draft.requestedState ?? ""}
            onChange={(e) => set("requestedState", e.currentTarget.value.toUpperCase())}
            error={fieldErrors["draft.requestedState"]}
            maxLength={2}
            disabled={readOnly}
            classNames={{ input: "ltr" }}
            data-testid="mla-draft-requestedState"
          />
          <TextInput
            label={t("mla.fields.providerCode")}
            value={draft.provider?.code ?? ""}
            onChange={(e) => set("provider", { ...draft.provider, code: e.currentTarget.value })}
            error={fieldErrors["draft.provider.code"]}
            disabled={readOnly}
            classNames={{ input: "ltr" }}
            data-testid="mla-draft-providerCode"
          />
        </SimpleGrid>
        <Textarea {...text("facts")} />
        <OffencesEditor
          offences={draft.offences ?? []}
          onChange={(offences) => set("offences", offences)}
          disabled={readOnly}
        />
        <Textarea {...text("evidenceLink")} />
        <Textarea {...text("assistanceSought")} />
        <Checkbox.Group
          label={t("mla.fields.dataCategories")}
          value={draft.dataCategories ?? []}
          onChange={(v) => set("dataCategories", v as Draft["dataCategories"])}
          data-testid="mla-draft-dataCategories"
        >
          <Group gap="md" mt={4}>
            {DATA_CATEGORIES.map((c) => (
              <Checkbox
                key={c}
                value={c}
                label={t(`mla.dataCategory.${c}`)}
                disabled={readOnly}
                data-testid={`mla-draft-data-${c}`}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("mla.fields.legalBasisKind")}
            value={draft.legalBasis?.kind ?? ""}
            onChange={(e) =>
              set("legalBasis", {
                ...draft.legalBasis,
                kind: (e.currentTarget.value || undefined) as (typeof LEGAL_BASIS_KINDS)[number] | undefined,
              })
            }
            data={[
              { value: "", label: t("common.notSpecified") },
              ...LEGAL_BASIS_KINDS.map((k) => ({ value: k, label: t(`mla.legalBasis.${k}`) })),
            ]}
            disabled={readOnly}
            data-testid="mla-draft-legalBasisKind"
          />
          <TextInput
            label={t("mla.fields.legalBasisName")}
            value={draft.legalBasis?.name ?? ""}
            onChange={(e) => set("legalBasis", { ...draft.legalBasis, name: e.currentTarget.value })}
            disabled={readOnly}
            data-testid="mla-draft-legalBasisName"
          />
        </SimpleGrid>
        <Textarea {...text("confidentiality")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("mla.fields.urgency")}
            value={draft.urgency?.level ?? ""}
            onChange={(e) =>
              set("urgency", {
                ...draft.urgency,
                level: (e.currentTarget.value || undefined) as (typeof URGENCY_LEVELS)[number] | undefined,
              })
            }
            data={[
              { value: "", label: t("common.notSpecified") },
              ...URGENCY_LEVELS.map((k) => ({ value: k, label: t(`mla.urgencyLevel.${k}`) })),
            ]}
            disabled={readOnly}
            data-testid="mla-draft-urgency"
          />
          <TextInput
            label={t("mla.fields.urgencyReasons")}
            value={draft.urgency?.reasons ?? ""}
            onChange={(e) => set("urgency", { ...draft.urgency, reasons: e.currentTarget.value })}
            disabled={readOnly}
            data-testid="mla-draft-urgencyReasons"
          />
        </SimpleGrid>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="mla-draft-save">
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
