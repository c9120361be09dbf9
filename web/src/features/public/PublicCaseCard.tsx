import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, useLocale } from "../../app/format.ts";
import type { PublicCase } from "./api.ts";

/** One case as the public sees it: court, number, title (private names as initials), status, next hearing. */
export function PublicCaseCard({ item }: { item: PublicCase }) {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  return (
    <Card withBorder radius="md" data-testid="public-case">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          {/* a heading per case (under the results' h2), so a screen reader can jump from case to case */}
          <Title order={3} size="h5" className="ltr" data-testid="public-case-number">
            {item.number}
          </Title>
          <Badge variant="outline" color="teal.9" data-testid="public-case-status" data-status={item.status}>
            {t(`status.${item.status}`)}
          </Badge>
        </Group>
        <Text data-testid="public-case-title">{item.title}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Field label={t("public.court")}>
            {name(item.court)}
            {item.bench ? ` — ${name(item.bench)}` : ""}
          </Field>
          <Field label={t("public.organisation")}>
            <Anchor
              component={Link}
              to={`/public/organisations/${encodeURIComponent(item.organisation.code)}`}
              data-testid="public-case-organisation"
            >
              {name(item.organisation)}
            </Anchor>
          </Field>
          <Field label={t("public.nextHearing")}>
            <span data-testid="public-case-next-hearing" data-date={item.nextHearingDate ?? ""}>
              {item.nextHearingDate ? formatDate(item.nextHearingDate, locale) : t("public.noHearing")}
            </span>
          </Field>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}
