import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DialogIntro, FormDialog, useDialogSave } from "../../../app/FormDialog.tsx";
import { formatDate, useLocale } from "../../../app/format.ts";
import { QueryError } from "../../../app/forms.tsx";
import {
  type Certificate,
  certificatePdfUrl,
  useAdminModules,
  useCertificates,
  useRevokeCertificate,
} from "./api.ts";

/**
 * Every certificate issued (administrators), filtered by module and by code; each with its PDF, and revoked
 * with a reason after a confirmation. A revoked certificate stays in the list, marked as such — the public
 * verification page then answers "revoked".
 */
export function CertificatesPage() {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  const [moduleId, setModuleId] = useState("");
  const [code, setCode] = useState("");
  const [debouncedCode] = useDebouncedValue(code.trim(), 300);
  const modules = useAdminModules();
  const certificates = useCertificates({ moduleId: moduleId || undefined, code: debouncedCode || undefined });
  const [revoking, setRevoking] = useState<Certificate | null>(null);

  return (
    <Stack gap="md" maw={1400} data-testid="certificates-page">
      <Anchor component={Link} to="/training/admin" size="sm">
        {t("trainingAdmin.editor.back")}
      </Anchor>
      <Title order={1} size="h2">
        {t("trainingAdmin.certificates.title")}
      </Title>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t("trainingAdmin.certificates.module")}
          data={[
            { value: "", label: t("common.all") },
            ...(modules.data ?? []).map((m) => ({ value: m.id, label: `${m.title} (${m.code})` })),
          ]}
          value={moduleId}
          onChange={(e) => setModuleId(e.currentTarget.value)}
          data-testid="cert-filter-module"
        />
        <TextInput
          label={t("trainingAdmin.certificates.code")}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          classNames={{ input: "ltr" }}
          data-testid="cert-filter-code"
        />
      </Group>
      {certificates.isPending && (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      )}
      {certificates.isError && <QueryError error={certificates.error} testId="certificates-error" />}
      {certificates.data && certificates.data.length === 0 && (
        <Text data-testid="cert-none">{t("trainingAdmin.certificates.none")}</Text>
      )}
      {certificates.data && certificates.data.length > 0 && (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover data-testid="cert-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("trainingAdmin.certificates.code")}</Table.Th>
                <Table.Th>{t("trainingAdmin.certificates.holder")}</Table.Th>
                <Table.Th>{t("trainingAdmin.certificates.organisation")}</Table.Th>
                <Table.Th>{t("trainingAdmin.certificates.module")}</Table.Th>
                <Table.Th>{t("trainingAdmin.certificates.score")}</Table.Th>
                <Table.Th>{t("trainingAdmin.certificates.issued")}</Table.Th>
                <Table.Th>{t("trainingAdmin.certificates.status")}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t("trainingAdmin.modules.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {certificates.data.map((c) => {
                const revoked = c.revokedAt !== null;
                return (
                  <Table.Tr
                    key={c.id}
                    data-testid="cert-row"
                    data-code={c.code}
                    data-revoked={String(revoked)}
                  >
                    <Table.Td className="ltr" style={{ whiteSpace: "nowrap" }}>
                      {c.code}
                    </Table.Td>
                    <Table.Td>
                      <bdi>{c.holder.fullName}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <bdi>{name(c.holder.organisation)}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <bdi>{c.module.title}</bdi>
                    </Table.Td>
                    <Table.Td>{t("trainingAdmin.percent", { value: c.percent })}</Table.Td>
                    <Table.Td>{formatDate(c.issuedAt, locale)}</Table.Td>
                    <Table.Td>
                      {revoked ? (
                        <Stack gap={2}>
                          <Badge color="red" variant="light" data-testid="cert-status">
                            {t("trainingAdmin.certificates.revoked")}
                          </Badge>
                          <Text size="xs" c="dimmed">
                            {formatDate(c.revokedAt, locale)} · <bdi>{c.revokeReason}</bdi>
                          </Text>
                        </Stack>
                      ) : (
                        <Badge color="teal" variant="light" data-testid="cert-status">
                          {t("trainingAdmin.certificates.valid")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor
                          href={certificatePdfUrl(c.id)}
                          size="sm"
                          aria-label={t("trainingAdmin.certificates.pdfNamed", { code: c.code })}
                          data-testid="cert-pdf"
                        >
                          PDF
                        </Anchor>
                        {!revoked && (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            onClick={() => setRevoking(c)}
                            aria-label={t("trainingAdmin.certificates.revokeNamed", { code: c.code })}
                            data-testid="cert-revoke"
                          >
                            {t("trainingAdmin.certificates.revoke")}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {revoking && <RevokeDialog certificate={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}

/** Asks for the reason and confirms: revoking cannot be undone. */
function RevokeDialog({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useRevokeCertificate();
  const [reason, setReason] = useState("");
  const dialog = useDialogSave(mutation, {
    onClose,
    saved: (c) => t("trainingAdmin.certificates.revokedNotice", { code: c.code }),
  });

  function submit() {
    if (!dialog.check(reason.trim() ? {} : { reason: t("validation.required") })) return;
    dialog.save({ id: certificate.id, reason: reason.trim() });
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("trainingAdmin.certificates.revokeTitle")}
      testId="cert-revoke"
      onSubmit={submit}
      submitLabel={t("trainingAdmin.certificates.revokeConfirm")}
      intro={
        <>
          <DialogIntro code={certificate.code}>
            <bdi>{certificate.holder.fullName}</bdi> · <bdi>{certificate.module.title}</bdi>
          </DialogIntro>
          <Text size="sm">{t("trainingAdmin.certificates.revokeWarning")}</Text>
        </>
      }
    >
      <Textarea
        label={t("trainingAdmin.certificates.reason")}
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={dialog.fieldErrors.reason}
        data-testid="cert-revoke-reason"
      />
    </FormDialog>
  );
}
