import { Button, Group, Modal, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { StaleReload } from "../../app/StaleReload.tsx";
import { type Court, type CourtPatch, useCourts, useUpdateCourt } from "./api.ts";
import { NameFields } from "./NameFields.tsx";

/** Edits a court's names, city and whether it is offered; sends only what changed, with the version read. */
export function CourtEditModal({ court, onClose }: { court: Court; onClose: () => void }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const update = useUpdateCourt();
  const { refetch } = useCourts();
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();
  const [base, setBase] = useState(court);
  const [f, setF] = useState({
    nameEn: base.nameEn,
    nameUr: base.nameUr,
    city: base.city,
    active: base.active,
  });
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) =>
    setF((prev) => ({ ...prev, [key]: value }));

  async function reload() {
    const latest = (await refetch()).data?.find((c) => c.id === base.id);
    if (latest) setBase(latest);
    clear();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    if (!f.nameEn.trim()) {
      setFieldErrors({ nameEn: t("validation.required") });
      return;
    }
    const body: CourtPatch & { id: string } = { id: base.id, version: base.version };
    if (f.nameEn.trim() !== base.nameEn) body.nameEn = f.nameEn.trim();
    if (f.nameUr.trim() !== base.nameUr) body.nameUr = f.nameUr.trim();
    if (f.city.trim() !== base.city) body.city = f.city.trim();
    if (f.active !== base.active) body.active = f.active;
    if (Object.keys(body).length === 2) {
      onClose();
      return;
    }
    update.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({ color: "teal", message: t("reference.courtSaved", { name: name(saved) }) });
        onClose();
      },
      onError: fail,
    });
  }

  return (
    <Modal opened onClose={onClose} title={t("reference.editCourt")} size="lg">
      <form onSubmit={submit} noValidate data-testid="court-edit-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            <span className="ltr">{base.code}</span> ·{" "}
            {t(`courtLevel.${base.level}`, { defaultValue: base.level })}
          </Text>
          <ProblemAlert error={problem} testId="court-edit-error" shown={(k) => k in fieldErrors}>
            <StaleReload error={problem} onReload={reload} testId="court-edit-reload" />
          </ProblemAlert>
          <NameFields
            nameEn={f.nameEn}
            nameUr={f.nameUr}
            onChange={set}
            errors={fieldErrors}
            testIdPrefix="court-edit-name"
          />
          <TextInput
            label={t("reference.city")}
            value={f.city}
            onChange={(e) => set("city", e.currentTarget.value)}
            error={fieldErrors.city}
            data-testid="court-edit-city"
          />
          <Switch
            label={t("reference.activeLabel")}
            description={t("reference.courtActiveHint")}
            checked={f.active}
            onChange={(e) => set("active", e.currentTarget.checked)}
            data-testid="court-edit-active"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="court-edit-submit">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
