import {
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { TIER_CODES } from "../../../../common/schemas/assignment.ts";
import { formatDateTime, isolate, useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { StaleReload } from "../../app/StaleReload.tsx";
import { type Policy, type PolicyConfig, useSavePolicy } from "./policyApi.ts";

const STRATEGIES = ["least_load", "rotation", "random_top_k"] as const;
const COMPETENCE_MODES = ["ignore", "prefer", "require"] as const;
const SWITCHES = ["requireSeat", "requireExpertise", "respectCapacity", "keepRelated"] as const;
const SWITCH_IDS: Record<(typeof SWITCHES)[number], string> = {
  requireSeat: "policy-require-seat",
  requireExpertise: "policy-require-expertise",
  respectCapacity: "policy-respect-capacity",
  keepRelated: "policy-keep-related",
};
type Tier = (typeof TIER_CODES)[number];

/** Caps as the form shows them: a percentage per tier, or "" for no cap. */
const capsToPercent = (caps: PolicyConfig["tierCaps"]) =>
  Object.fromEntries(
    TIER_CODES.map((tier) => [tier, caps[tier] === undefined ? "" : Math.round(caps[tier]! * 1000) / 10]),
  ) as Record<Tier, number | "">;

/**
 * The office's assignment policy: who is eligible (filters) and how one is chosen (strategy). Saving adds a
 * new version with a note; decisions keep pointing at the version they used. On a 409 (someone saved a newer
 * version first) Reload moves the form onto it and keeps what was typed.
 */
export function PolicyForm({
  policy,
  officeId,
  reload,
}: {
  policy: Policy;
  officeId: string;
  reload: () => Promise<Policy | undefined>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const save = useSavePolicy(officeId);
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [base, setBase] = useState(policy);
  const [config, setConfig] = useState<PolicyConfig>(policy.config);
  const [caps, setCaps] = useState(() => capsToPercent(policy.config.tierCaps));
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const set = <K extends keyof PolicyConfig>(key: K, value: PolicyConfig[K]) =>
    setConfig((prev) => ({ ...prev, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    if (!note.trim()) {
      setNoteError(t("policy.noteRequired"));
      return;
    }
    const tierCaps: PolicyConfig["tierCaps"] = {};
    for (const tier of TIER_CODES) if (caps[tier] !== "") tierCaps[tier] = Number(caps[tier]) / 100;
    save.mutate(
      { version: base.version, config: { ...config, tierCaps }, note: note.trim() },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "teal", message: t("policy.saved", { version: saved.version }) });
          setBase(saved);
          setNote("");
        },
        onError: fail,
      },
    );
  }

  const tierOptions = TIER_CODES.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }));
  const competenceOptions = COMPETENCE_MODES.map((mode) => ({
    value: mode,
    label: t(`policy.competenceModes.${mode}.label`),
  }));
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate data-testid="policy-form">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Title order={2} size="h4">
              {t("policy.current")}{" "}
              <Text span c="dimmed" data-testid="policy-version" data-version={base.version}>
                {t("policy.version", { version: base.version })}
              </Text>
            </Title>
            <Text size="xs" c="dimmed" data-testid="policy-meta">
              {base.createdBy
                ? t("policy.savedBy", {
                    name: isolate(base.createdBy.fullName),
                    date: formatDateTime(base.createdAt, locale),
                  })
                : t("policy.defaults", { date: formatDateTime(base.createdAt, locale) })}
              {base.note && (
                <>
                  {" · "}
                  <bdi data-testid="policy-last-note">{base.note}</bdi>
                </>
              )}
            </Text>
          </Group>
          <ProblemAlert error={problem} testId="policy-error" shown={(k) => k in fieldErrors}>
            <StaleReload
              error={problem}
              testId="policy-reload"
              onReload={async () => {
                const latest = await reload();
                if (latest) setBase(latest);
                clear();
              }}
            />
          </ProblemAlert>
          <Radio.Group
            label={t("policy.strategy")}
            description={t("policy.strategyHelp")}
            value={config.strategy}
            onChange={(v) => set("strategy", v as PolicyConfig["strategy"])}
            data-testid="policy-strategy"
          >
            <Stack gap="xs" mt="xs">
              {STRATEGIES.map((s) => (
                <Radio
                  key={s}
                  value={s}
                  label={t(`policy.strategies.${s}.label`)}
                  description={t(`policy.strategies.${s}.help`)}
                  data-testid={`policy-strategy-${s}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <NumberInput
            label={t("policy.topK")}
            description={t("policy.topKHelp")}
            min={1}
            max={50}
            allowDecimal={false}
            w={220}
            disabled={config.strategy !== "random_top_k"}
            value={config.topK}
            onChange={(v) => set("topK", typeof v === "number" ? v : Number(v) || 1)}
            error={fieldErrors["config.topK"]}
            data-testid="policy-topk"
          />
          <Title order={3} size="h5">
            {t("policy.filters")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {SWITCHES.map((key) => (
              <Switch
                key={key}
                label={t(`policy.switches.${key}.label`)}
                description={t(`policy.switches.${key}.help`)}
                checked={config[key]}
                onChange={(e) => set(key, e.currentTarget.checked)}
                data-testid={SWITCH_IDS[key]}
              />
            ))}
          </SimpleGrid>
          <div data-testid="policy-competence-field" data-value={config.competence}>
            <Select
              label={t("policy.competence")}
              description={t("policy.competenceHelp")}
              data={competenceOptions}
              value={config.competence}
              onChange={(v) => v && set("competence", v as PolicyConfig["competence"])}
              allowDeselect={false}
              maw={480}
              renderOption={({ option }) => (
                <div data-testid={`policy-competence-${option.value}`}>
                  <Text size="sm">{option.label}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`policy.competenceModes.${option.value}.help`)}
                  </Text>
                </div>
              )}
              error={fieldErrors["config.competence"]}
              data-testid="policy-competence"
            />
            <Text size="xs" c="dimmed" mt={4} data-testid="policy-competence-help">
              {t(`policy.competenceModes.${config.competence}.help`)}
            </Text>
          </div>
          <MultiSelect
            label={t("policy.sensitiveTiers")}
            description={t("policy.sensitiveTiersHelp")}
            data={tierOptions}
            value={config.sensitiveTiers}
            onChange={(v) => set("sensitiveTiers", v as Tier[])}
            error={fieldErrors["config.sensitiveTiers"]}
            data-testid="policy-sensitive-tiers"
          />
          <div>
            <Text size="sm" fw={500}>
              {t("policy.tierCaps")}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {t("policy.tierCapsHelp")}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" maw={720}>
              {TIER_CODES.map((tier) => (
                <NumberInput
                  key={tier}
                  label={t(`tiers.${tier}`)}
                  placeholder={t("policy.noCap")}
                  min={0}
                  max={100}
                  suffix="%"
                  value={caps[tier]}
                  onChange={(v) => setCaps((prev) => ({ ...prev, [tier]: v === "" ? "" : Number(v) }))}
                  error={fieldErrors[`config.tierCaps.${tier}`]}
                  data-testid={`policy-cap-${tier}`}
                />
              ))}
            </SimpleGrid>
          </div>
          <Textarea
            label={t("policy.note")}
            description={t("policy.noteHelp")}
            required
            autosize
            minRows={2}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setNoteError(null);
            }}
            error={noteError ?? fieldErrors.note}
            data-testid="policy-note"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="policy-submit">
              {t("policy.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
