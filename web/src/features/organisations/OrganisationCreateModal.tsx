import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../app/api.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { CODE_PATTERN } from "../reference/api.ts";
import { NameFields } from "../reference/NameFields.tsx";
import { ORGANISATION_KINDS, type OrganisationKind, useCreateOrganisation } from "./api.ts";
import { OrganisationSelect } from "./OrganisationSelect.tsx";

/** Creates an organisation: a stable code, its names in English and Urdu, its kind and its parent. */
export function OrganisationCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();
  const [f, setF] = useState({
    code: "",
    nameEn: "",
    nameUr: "",
    kind: "ministry" as OrganisationKind,
    parentId: null as string | null,
  });
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) =>
    setF((prev) => ({ ...prev, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const code = f.code.trim().toUpperCase();
    const errors: Record<string, string> = {};
    if (!CODE_PATTERN.test(code)) errors.code = t("reference.codeHint");
    if (!f.nameEn.trim()) errors.nameEn = t("validation.required");
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      return;
    }
    create.mutate(
      { code, nameEn: f.nameEn.trim(), nameUr: f.nameUr.trim(), kind: f.kind, parentId: f.parentId },
      {
        onSuccess: (org) => {
          notifications.show({ color: "teal", message: t("organisations.created", { code: org.code }) });
          onClose();
        },
        onError: (error) => {
          fail(error);
          if (isApiError(error) && error.code === "code_taken") {
            setFieldErrors({ code: t("reference.codeTaken", { code }) });
          }
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t("organisations.create")} size="lg">
      <form onSubmit={submit} noValidate data-testid="org-create-form">
        <Stack gap="sm">
          <ProblemAlert error={problem} testId="org-create-error" shown={(k) => k in fieldErrors} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("reference.code")}
              description={t("reference.codeHint")}
              required
              value={f.code}
              onChange={(e) => set("code", e.currentTarget.value.toUpperCase())}
              error={fieldErrors.code}
              classNames={{ input: "ltr" }}
              data-testid="org-code"
            />
            <NativeSelect
              label={t("organisations.kind")}
              required
              data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKind.${k}`) }))}
              value={f.kind}
              onChange={(e) => set("kind", e.currentTarget.value as OrganisationKind)}
              error={fieldErrors.kind}
              data-testid="org-kind"
            />
          </SimpleGrid>
          <NameFields
            nameEn={f.nameEn}
            nameUr={f.nameUr}
            onChange={set}
            errors={fieldErrors}
            testIdPrefix="org-name"
          />
          <OrganisationSelect
            label={t("organisations.parent")}
            description={t("organisations.parentHint")}
            clearable
            value={f.parentId}
            onChange={(v) => set("parentId", v)}
            error={fieldErrors.parentId}
            data-testid="org-parent"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="org-create-submit">
              {t("organisations.createButton")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
