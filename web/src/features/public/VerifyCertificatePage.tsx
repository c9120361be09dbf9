import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { normaliseCertificateCode } from "../../../../common/training/certificate-code.ts";
import { isApiError } from "../../app/api.ts";
import { formatDate, useLocale } from "../../app/format.ts";
import { type CertificateVerification, useCertificateVerification } from "../training/api.ts";
import { PublicLayout } from "./PublicLayout.tsx";

/**
 * /verify and /verify/:code: anyone checks a CAMS training certificate by its code (the PDF prints this page's
 * address). The code is read forgivingly and its check symbol tested here first, so a mistyped code is answered
 * at once without asking the server; a well-formed one is looked up: valid, revoked, or never issued.
 */
export function VerifyCertificatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code: asked = "" } = useParams();
  const [text, setText] = useState(asked);
  const [typedMalformed, setTypedMalformed] = useState(false);
  useEffect(() => setText(asked), [asked]);
  const normalised = asked ? normaliseCertificateCode(asked) : null;
  const malformed = typedMalformed || (asked !== "" && normalised === null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const code = normaliseCertificateCode(text);
    setTypedMalformed(code === null);
    if (code === null) return;
    setText(code);
    navigate(`/verify/${encodeURIComponent(code)}`);
  }

  return (
    <PublicLayout>
      <Stack gap="md" data-testid="verify-page">
        <Paper withBorder p="lg" radius="md">
          <Title order={1} size="h2" mb="xs">
            {t("training.verify.title")}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t("training.verify.intro")}
          </Text>
          <form onSubmit={submit} data-testid="verify-form">
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t("training.verify.codeLabel")}
                placeholder="7K2M-QX9D-4TBR-H1N*"
                value={text}
                onChange={(e) => {
                  setText(e.currentTarget.value);
                  setTypedMalformed(false);
                }}
                maxLength={64}
                autoComplete="off"
                spellCheck={false}
                w={{ base: "100%", sm: 320 }}
                classNames={{ input: "ltr" }}
                data-testid="verify-code"
              />
              <Button type="submit" disabled={!text.trim()} data-testid="verify-submit">
                {t("training.verify.check")}
              </Button>
            </Group>
          </form>
        </Paper>
        <div role="status" aria-live="polite" aria-atomic="true">
          {malformed ? (
            <Alert color="yellow" role="none" data-testid="verify-malformed">
              {t("training.verify.malformed")}
            </Alert>
          ) : (
            normalised && <Lookup code={normalised} />
          )}
        </div>
      </Stack>
    </PublicLayout>
  );
}

function Lookup({ code }: { code: string }) {
  const { t } = useTranslation();
  const result = useCertificateVerification(code);
  if (result.isPending) return <Text size="sm">{t("training.verify.checking")}</Text>;
  if (result.isError) {
    const error = result.error;
    if (isApiError(error) && error.status === 404) {
      return (
        <Alert
          color="red"
          role="none"
          title={t("training.verify.notFoundTitle")}
          data-testid="verify-not-found"
        >
          {t("training.verify.notFound", { code: `\u2066${code}\u2069` })}
        </Alert>
      );
    }
    const key =
      isApiError(error) && error.status === 429 ? "training.verify.rateLimited" : "training.verify.failed";
    return (
      <Alert color="yellow" role="none" data-testid="verify-error">
        {t(key)}
      </Alert>
    );
  }
  return <Verdict v={result.data} />;
}

function Verdict({ v }: { v: CertificateVerification }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const valid = v.status === "valid";
  return (
    <Alert
      color={valid ? "green" : "red"}
      role="none"
      title={valid ? t("training.verify.valid") : t("training.verify.revoked")}
      data-testid="verify-result"
      data-status={v.status}
    >
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs">
        <Table.Tbody>
          <Row label={t("training.verify.code")} testId="verify-code-value">
            <span className="ltr">{v.code}</span>
          </Row>
          <Row label={t("training.verify.holder")} testId="verify-holder">
            <bdi>{v.holderName}</bdi>
          </Row>
          <Row label={t("training.verify.organisation")} testId="verify-organisation">
            <bdi>{name(v.organisation)}</bdi>
          </Row>
          <Row label={t("training.verify.module")} testId="verify-module">
            <bdi>{v.moduleTitle}</bdi>
          </Row>
          <Row label={t("training.verify.competence")} testId="verify-competence">
            {v.competence ? <bdi>{name(v.competence)}</bdi> : "—"}
          </Row>
          <Row label={t("training.verify.issuedOn")} testId="verify-issued">
            {formatDate(v.issuedOn)}
          </Row>
          {!valid && (
            <Row label={t("training.verify.revokedOn")} testId="verify-revoked-on">
              {formatDate(v.revokedOn)}
            </Row>
          )}
        </Table.Tbody>
      </Table>
      {!valid && (
        <Text size="sm" mt="xs">
          {t("training.verify.revokedHelp")}
        </Text>
      )}
    </Alert>
  );
}

function Row({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={160} style={{ verticalAlign: "top" }}>
        {label}
      </Table.Th>
      <Table.Td data-testid={testId}>{children}</Table.Td>
    </Table.Tr>
  );
}
