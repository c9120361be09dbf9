import { NativeSelect, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  changedFields,
  DialogIntro,
  FormDialog,
  useFields,
  useVersionedSave,
} from "../../app/FormDialog.tsx";
import { isolate, useLocale } from "../../app/format.ts";
import { type User, useUpdateUser } from "./api.ts";
import { PersonFields } from "./PersonFields.tsx";
import { RolesSelect } from "./RolesSelect.tsx";
import { TwoFactorReset } from "./TwoFactorReset.tsx";

/** Edits a user's name, contact, roles and status; sends only what changed, with the version read. */
export function UserEditModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const dialog = useVersionedSave(user, useUpdateUser(), {
    onClose,
    saved: (saved) => t("users.savedMessage", { name: isolate(saved.fullName) }),
  });
  const { fieldErrors } = dialog;
  const [f, set] = useFields({
    fullName: user.fullName,
    email: user.email ?? "",
    designation: user.designation,
    roles: user.roles,
    status: user.status,
  });
  // Pending and rejected registrations are decided with Approve / Reject, not here.
  const canSetStatus = user.status === "active" || user.status === "disabled";

  function submit() {
    dialog.check();
    const sortedRoles = [...f.roles].sort();
    const changes = changedFields(
      { ...user, email: user.email || null, roles: [...user.roles].sort() },
      {
        fullName: f.fullName.trim(),
        email: f.email.trim() || null,
        designation: f.designation.trim(),
        roles: sortedRoles,
        ...(canSetStatus ? { status: f.status as "active" | "disabled" } : {}),
      },
    );
    dialog.save(changes);
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("users.edit")}
      testId="user-edit"
      onSubmit={submit}
      intro={<DialogIntro code={user.username}>{name(user.organisation)}</DialogIntro>}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <PersonFields values={f} onChange={set} errors={fieldErrors} testIdPrefix="user-edit" />
        {canSetStatus && (
          <NativeSelect
            label={t("fields.status")}
            data={[
              { value: "active", label: t("userStatus.active") },
              { value: "disabled", label: t("userStatus.disabled") },
            ]}
            value={f.status}
            onChange={(e) => set("status", e.currentTarget.value as User["status"])}
            error={fieldErrors.status}
            data-testid="user-edit-status"
          />
        )}
      </SimpleGrid>
      <RolesSelect
        label={t("users.roles")}
        required
        value={f.roles}
        onChange={(v) => set("roles", v)}
        error={fieldErrors.roles}
        data-testid="user-edit-roles"
      />
      <TwoFactorReset user={user} />
    </FormDialog>
  );
}
