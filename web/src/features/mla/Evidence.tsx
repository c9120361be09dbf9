import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Code,
  Group,
  Loader,
  Stack,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatBytes, formatDateTime, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { CertificationDialog } from "./EvidenceCertification.tsx";
import { AddEvidenceDialog, CustodyDialog } from "./EvidenceForms.tsx";
import { type CustodyEntry, type EvidenceItem, evidenceFileUrl, useEvidence } from "./evidence.api.ts";

/**
 * The evidence received on a request (DOMAIN.md §9): each item with its source, when it arrived, the SHA-256 it
 * arrived with, how it is certified and its chain of custody. Writers (the Central Authority and the owning
 * agency) add items, custody entries and certification; everyone who sees the request reads.
 */
export function Evidence({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const query = useEvidence(requestId);
  const [adding, setAdding] = useState(false);
  const data = query.data;
  return (
    <Card withBorder data-testid="mla-evidence">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("mlaEvidence.title")}
          </Title>
          {data?.abilities.write && (
            <Button size="xs" onClick={() => setAdding(true)} data-testid="evidence-add-open">
              {t("mlaEvidence.add")}
            </Button>
          )}
        </Group>
        {query.isPending && (
          <Center p="md">
            <Loader size="sm" data-testid="evidence-loading" />
          </Center>
        )}
        {query.isError && <QueryError error={query.error} testId="evidence-error" />}
        {data && data.items.length === 0 && (
          <Text c="dimmed" size="sm" data-testid="evidence-empty">
            {t("mlaEvidence.none")}
          </Text>
        )}
        {data?.items.map((item) => (
          <ItemCard
            key={item.id}
            requestId={requestId}
            item={item}
            write={data.abilities.write}
            mayCertifyAsCa={data.abilities.certifyAsCentralAuthority}
          />
        ))}
      </Stack>
      {adding && <AddEvidenceDialog requestId={requestId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

const CERT_COLOR: Record<EvidenceItem["certification"]["kind"], string> = {
  none: "gray",
  provider_certificate: "blue",
  foreign_authority_certificate: "indigo",
  central_authority_certificate: "teal",
};

function ItemCard({
  requestId,
  item,
  write,
  mayCertifyAsCa,
}: {
  requestId: string;
  item: EvidenceItem;
  write: boolean;
  mayCertifyAsCa: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [dialog, setDialog] = useState<"custody" | "certify" | null>(null);
  const cert = item.certification;
  return (
    <Card withBorder padding="sm" data-testid="evidence-item" data-id={item.id} data-sha256={item.sha256}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={600} data-testid="evidence-item-label">
              <bdi>{item.label}</bdi>
            </Text>
            <Text size="sm" c="dimmed" data-testid="evidence-source" data-kind={item.source.kind}>
              {t(`mlaEvidence.sourceKinds.${item.source.kind}`)} · <bdi>{item.source.name}</bdi> ·{" "}
              {t("mlaEvidence.receivedOn", { at: formatDateTime(item.receivedAt, locale) })}
            </Text>
          </Stack>
          <Badge
            color={CERT_COLOR[cert.kind]}
            variant={cert.kind === "none" ? "outline" : "light"}
            data-testid="evidence-cert"
            data-kind={cert.kind}
          >
            {t(`mlaEvidence.certKinds.${cert.kind}`)}
          </Badge>
        </Group>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text size="xs" fw={600} className="ltr" dir="ltr">
            SHA-256
          </Text>
          <Code dir="ltr" className="ltr" style={{ wordBreak: "break-all" }} data-testid="evidence-sha256">
            {item.sha256}
          </Code>
        </Group>
        {(item.file || item.sizeBytes !== null) && (
          <Text size="sm">
            {item.file ? (
              <Anchor href={evidenceFileUrl(item.id)} data-testid="evidence-download">
                <bdi>{item.file.fileName}</bdi>
              </Anchor>
            ) : (
              t("mlaEvidence.keptApart")
            )}
            {item.sizeBytes !== null && (
              <>
                {" · "}
                <span className="ltr">{formatBytes(item.sizeBytes)}</span>
              </>
            )}
          </Text>
        )}
        {item.description && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            <bdi>{item.description}</bdi>
          </Text>
        )}
        {cert.kind !== "none" && (
          <Text size="xs" c="dimmed" data-testid="evidence-cert-detail">
            <bdi>{cert.certifiedBy}</bdi> · {formatDateTime(cert.certifiedAt, locale)}
            {cert.note && (
              <>
                {" · "}
                <bdi>{cert.note}</bdi>
              </>
            )}
          </Text>
        )}
        <Text size="sm" fw={600}>
          {t("mlaEvidence.custody")}
        </Text>
        <Timeline bulletSize={14} lineWidth={2} active={item.custody.length} data-testid="evidence-custody">
          {item.custody.map((c) => (
            <CustodyItem key={c.id} entry={c} />
          ))}
        </Timeline>
        {write && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setDialog("custody")} data-testid="custody-open">
              {t("mlaEvidence.addCustody")}
            </Button>
            <Button size="xs" variant="light" onClick={() => setDialog("certify")} data-testid="certify-open">
              {t("mlaEvidence.certify")}
            </Button>
          </Group>
        )}
      </Stack>
      {dialog === "custody" && (
        <CustodyDialog requestId={requestId} item={item} onClose={() => setDialog(null)} />
      )}
      {dialog === "certify" && (
        <CertificationDialog
          requestId={requestId}
          item={item}
          mayCertifyAsCa={mayCertifyAsCa}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}

/** One custody entry: what happened, between whom, where, by whom and when, and any hash check's result. */
function CustodyItem({ entry: c, ...rest }: { entry: CustodyEntry }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const color = c.hashVerified === false ? "red" : c.hashVerified === true ? "teal" : undefined;
  return (
    <Timeline.Item
      {...rest}
      color={color}
      title={
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t(`mlaEvidence.actions.${c.action}`)}
          </Text>
          {c.hashVerified !== null && (
            <Badge
              size="xs"
              color={c.hashVerified ? "teal" : "red"}
              data-testid="custody-hash"
              data-verified={String(c.hashVerified)}
            >
              {c.hashVerified ? t("mlaEvidence.hashMatches") : t("mlaEvidence.hashMismatch")}
            </Badge>
          )}
        </Group>
      }
      data-testid="custody-entry"
      data-action={c.action}
    >
      {(c.fromHolder || c.toHolder) && (
        <Text size="sm">
          <bdi>{c.fromHolder || "—"}</bdi> → <bdi>{c.toHolder || "—"}</bdi>
        </Text>
      )}
      {c.location && (
        <Text size="sm" c="dimmed">
          <bdi>{c.location}</bdi>
        </Text>
      )}
      {c.note && (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          <bdi>{c.note}</bdi>
        </Text>
      )}
      {c.hashVerified === false &&
        (c.observedSha256 ? (
          <Code
            dir="ltr"
            className="ltr"
            style={{ wordBreak: "break-all" }}
            data-testid="custody-observed-hash"
          >
            {c.observedSha256}
          </Code>
        ) : (
          <Text size="sm" c="red" data-testid="custody-unreadable">
            {t("mlaEvidence.fileUnreadable")}
          </Text>
        ))}
      <Text size="xs" c="dimmed">
        {formatDateTime(c.at, locale)} · <bdi>{c.actor.fullName}</bdi>
      </Text>
    </Timeline.Item>
  );
}
