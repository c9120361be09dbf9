import { Button, Group, Modal, PasswordInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { useMe } from "../../app/session.tsx";
import { OrganisationSelect } from "../organisations/OrganisationSelect.tsx";
import { useCreateUser } from "./api.ts";
import { RolesSelect } from "./RolesSelect.tsx";

export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const create = useCreateUser();
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [f, setF] = useState({
    organisationId: me.organisation.id,
    username: "",
    fullName: "",
    email: "",
    designation: "",
    password: "",
    roles: [] as string[],
  });
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) =>
    setF((prev) => ({ ...prev, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    create.mutate(
      {
        organisationId: f.organisationId,
        username: f.username.trim(),
        fullName: f.fullName.trim(),
        email: f.email.trim() || undefined,
        designation: f.designation.trim() || undefined,
        password: f.password,
        roles: f.roles,
      },
      {
        onSuccess: (user) => {
          notifications.show({ color: "teal", message: t("users.createdMessage", { name: user.fullName }) });
          onClose();
        },
        onError: fail,
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t("users.create")} size="lg">
      <form onSubmit={submit} noValidate data-testid="user-create-form">
        <Stack gap="sm">
          <ProblemAlert error={problem} testId="user-create-error" shown={(k) => k in fieldErrors} />
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
            <TextInput
              label={t("fields.fullName")}
              required
              value={f.fullName}
              onChange={(e) => set("fullName", e.currentTarget.value)}
              error={fieldErrors.fullName}
              data-testid="user-full-name"
            />
            <TextInput
              label={t("fields.designation")}
              value={f.designation}
              onChange={(e) => set("designation", e.currentTarget.value)}
              error={fieldErrors.designation}
              data-testid="user-designation"
            />
            <TextInput
              label={t("fields.email")}
              type="email"
              value={f.email}
              onChange={(e) => set("email", e.currentTarget.value)}
              error={fieldErrors.email}
              data-testid="user-email"
              classNames={{ input: "ltr" }}
            />
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="user-create-submit">
              {t("users.createButton")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
