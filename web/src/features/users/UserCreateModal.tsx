import { PasswordInput, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormDialog, useDialogSave, useFields } from "../../app/FormDialog.tsx";
import { isolate } from "../../app/format.ts";
import { useMe } from "../../app/session.tsx";
import { OrganisationSelect } from "../organisations/OrganisationSelect.tsx";
import { useCreateUser } from "./api.ts";
import { PersonFields } from "./PersonFields.tsx";
import { RolesSelect } from "./RolesSelect.tsx";

export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const dialog = useDialogSave(useCreateUser(), {
    onClose,
    saved: (user) => t("users.createdMessage", { name: isolate(user.fullName) }),
  });
  const { fieldErrors } = dialog;
  const [f, set] = useFields({
    organisationId: me.organisation.id,
    username: "",
    fullName: "",
    email: "",
    designation: "",
    password: "",
    roles: [] as string[],
  });

  function submit() {
    dialog.check();
    dialog.save({
      organisationId: f.organisationId,
      username: f.username.trim(),
      fullName: f.fullName.trim(),
      email: f.email.trim() || undefined,
      designation: f.designation.trim() || undefined,
      password: f.password,
      roles: f.roles,
    });
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("users.create")}
      testId="user-create"
      onSubmit={submit}
      submitLabel={t("users.createButton")}
    >
      <OrganisationSelect
        label={t("fields.organisation")}
        required
        value={f.organisationId}
        onChange={(v) => set("organisationId", v ?? "")}
        error={fieldErrors.organisationId}
        data-testid="user-organisation"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t("auth.username")}
          required
          value={f.username}
          onChange={(e) => set("username", e.currentTarget.value)}
          error={fieldErrors.username}
          data-testid="user-username"
          classNames={{ input: "ltr" }}
        />
        <PersonFields values={f} onChange={set} errors={fieldErrors} testIdPrefix="user" />
      </SimpleGrid>
      <PasswordInput
        label={t("users.initialPassword")}
        description={t("auth.passwordHint")}
        required
        autoComplete="new-password"
        value={f.password}
        onChange={(e) => set("password", e.currentTarget.value)}
        error={fieldErrors.password}
        data-testid="user-password"
      />
      <RolesSelect
        label={t("users.roles")}
        required
        value={f.roles}
        onChange={(v) => set("roles", v)}
        error={fieldErrors.roles}
        data-testid="user-roles"
      />
    </FormDialog>
  );
}
