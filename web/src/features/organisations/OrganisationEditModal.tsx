import { Button, Group, Modal, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { StaleReload } from "../../app/StaleReload.tsx";
import { NameFields } from "../reference/NameFields.tsx";
import { type Organisation, type OrganisationPatch, useOrganisations, useUpdateOrganisation } from "./api.ts";

/** Edits an organisation's names and whether it is active; sends only what changed, with the version read. */
export function OrganisationEditModal({
  organisation,
  onClose,
}: {
  organisation: Organisation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation();
  const { refetch } = useOrganisations();
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();
  // The version the edit is based on; a reload after a 409 moves it on and keeps what the user typed.
  const [base, setBase] = useState(organisation);
  const [f, setF] = useState({ nameEn: base.nameEn, nameUr: base.nameUr, active: base.active });
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) =>
    setF((prev) => ({ ...prev, [key]: value }));

  async function reload() {
    const latest = (await refetch()).data?.find((o) => o.id === base.id);
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
    const body: OrganisationPatch & { id: string } = { id: base.id, version: base.version };
    if (f.nameEn.trim() !== base.nameEn) body.nameEn = f.nameEn.trim();
    if (f.nameUr.trim() !== base.nameUr) body.nameUr = f.nameUr.trim();
    if (f.active !== base.active) body.active = f.active;
    if (Object.keys(body).length === 2) {
      onClose();
      return;
    }
    update.mutate(body, {
      onSuccess: (org) => {
        notifications.show({ color: "teal", message: t("organisations.saved", { code: org.code }) });
        onClose();
      },
      onError: fail,
    });
  }

  return (
    <Modal opened onClose={onClose} title={t("organisations.edit")} size="lg">
      <form onSubmit={submit} noValidate data-testid="org-edit-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            <span className="ltr">{base.code}</span> ·{" "}
            {t(`organisationKind.${base.kind}`, { defaultValue: base.kind })}
          </Text>
          <ProblemAlert error={problem} testId="org-edit-error" shown={(k) => k in fieldErrors}>
            <StaleReload error={problem} onReload={reload} testId="org-edit-reload" />
          </ProblemAlert>
          <NameFields
            nameEn={f.nameEn}
            nameUr={f.nameUr}
            onChange={set}
            errors={fieldErrors}
            testIdPrefix="org-edit-name"
          />
          <Switch
            label={t("reference.activeLabel")}
            description={t("organisations.activeHint")}
            checked={f.active}
            onChange={(e) => set("active", e.currentTarget.checked)}
            data-testid="org-edit-active"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="org-edit-submit">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
