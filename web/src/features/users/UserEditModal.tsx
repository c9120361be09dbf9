import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { type User, type UserPatch, useUpdateUser } from "./api.ts";
import { RolesSelect } from "./RolesSelect.tsx";

/** Edits a user's name, contact, roles and status; sends only what changed, with the version read. */
export function UserEditModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const update = useUpdateUser();
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [f, setF] = useState({
    fullName: user.fullName,
    email: user.email ?? "",
    designation: user.designation,
    roles: user.roles,
    status: user.status,
  });
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) =>
    setF((prev) => ({ ...prev, [key]: value }));
  const canSetStatus = user.status === "active" || user.status === "disabled";

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const body: UserPatch & { id: string } = { id: user.id, version: user.version };
    if (f.fullName.trim() !== user.fullName) body.fullName = f.fullName.trim();
    if (f.email.trim() !== (user.email ?? "")) body.email = f.email.trim() || null;
    if (f.designation.trim() !== user.designation) body.designation = f.designation.trim();
    if ([...f.roles].sort().join() !== [...user.roles].sort().join()) body.roles = f.roles;
    if (canSetStatus && f.status !== user.status) body.status = f.status as "active" | "disabled";
    if (Object.keys(body).length === 2) {
      onClose();
      return;
    }
    update.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("users.savedMessage", { name: f.fullName }) });
        onClose();
      },
      onError: fail,
    });
  }

  return (
    <Modal opened onClose={onClose} title={t("users.edit")} size="lg">
      <form onSubmit={submit} noValidate data-testid="user-edit-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            <span className="ltr">{user.username}</span> · {name(user.organisation)}
          </Text>
          <ProblemAlert error={problem} testId="user-edit-error" shown={(k) => k in fieldErrors} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("fields.fullName")}
              required
              value={f.fullName}
              onChange={(e) => set("fullName", e.currentTarget.value)}
              error={fieldErrors.fullName}
              data-testid="user-edit-full-name"
            />
            <TextInput
              label={t("fields.designation")}
              value={f.designation}
              onChange={(e) => set("designation", e.currentTarget.value)}
              error={fieldErrors.designation}
              data-testid="user-edit-designation"
            />
            <TextInput
              label={t("fields.email")}
              type="email"
              value={f.email}
              onChange={(e) => set("email", e.currentTarget.value)}
              error={fieldErrors.email}
              data-testid="user-edit-email"
              classNames={{ input: "ltr" }}
            />
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="user-edit-submit">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
