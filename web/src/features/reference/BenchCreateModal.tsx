import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../app/api.ts";
import { useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { CODE_PATTERN, type Court, useAddBench } from "./api.ts";
import { NameFields } from "./NameFields.tsx";

/** Adds a bench (or branch registry) to a court; its code is unique within the court. */
export function BenchCreateModal({ court, onClose }: { court: Court; onClose: () => void }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const add = useAddBench();
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();
  const [f, setF] = useState({ code: "", nameEn: "", nameUr: "", city: "" });
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) =>
    setF((prev) => ({ ...prev, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const code = f.code.trim().toUpperCase();
    const errors: Record<string, string> = {};
    if (!CODE_PATTERN.test(code)) errors.code = t("reference.codeHint");
    if (!f.nameEn.trim()) errors.nameEn = t("validation.required");
    if (!f.city.trim()) errors.city = t("validation.required");
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      return;
    }
    add.mutate(
      { courtId: court.id, code, nameEn: f.nameEn.trim(), nameUr: f.nameUr.trim(), city: f.city.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("reference.benchAdded", { code }) });
          onClose();
        },
        onError: (error) => {
          fail(error);
          if (isApiError(error) && error.code === "code_taken") {
            setFieldErrors({ code: t("reference.benchCodeTaken", { code }) });
          }
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t("reference.addBench")} size="lg">
      <form onSubmit={submit} noValidate data-testid="bench-create-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {name(court)} (<span className="ltr">{court.code}</span>)
          </Text>
          <ProblemAlert error={problem} testId="bench-create-error" shown={(k) => k in fieldErrors} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("reference.code")}
              description={t("reference.codeHint")}
              required
              value={f.code}
              onChange={(e) => set("code", e.currentTarget.value.toUpperCase())}
              error={fieldErrors.code}
              classNames={{ input: "ltr" }}
              data-testid="bench-code"
            />
            <TextInput
              label={t("reference.city")}
              required
              value={f.city}
              onChange={(e) => set("city", e.currentTarget.value)}
              error={fieldErrors.city}
              data-testid="bench-city"
            />
          </SimpleGrid>
          <NameFields
            nameEn={f.nameEn}
            nameUr={f.nameUr}
            onChange={set}
            errors={fieldErrors}
            testIdPrefix="bench-name"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="bench-create-submit">
              {t("reference.addBenchButton")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
