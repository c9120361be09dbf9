import { Anchor, Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Clash, ListedHearing } from "./api.ts";

const CLASH_COLOR: Record<Clash, string> = {
  two_courts: "red",
  same_time: "red",
  over_daily_limit: "orange",
};

/**
 * One badge per clash of a listed hearing, named in the reader's language (colour is not the only signal); the
 * badge's tooltip says what the clash means.
 */
export function ClashBadges({ clashes, limit }: { clashes: Clash[]; limit: number }) {
  const { t } = useTranslation();
  if (clashes.length === 0) return null;
  return (
    <Group gap={4}>
      {clashes.map((code) => (
        <Badge
          key={code}
          size="sm"
          variant="light"
          color={CLASH_COLOR[code]}
          tt="none"
          title={t(`causeList.clashHelp.${code}`, { limit })}
          data-testid="cause-list-clash"
          data-code={code}
        >
          {t(`causeList.clashes.${code}`, { limit })}
        </Badge>
      ))}
    </Group>
  );
}

/** The case number, opening the case on its Hearings tab. */
export function CaseNumberLink({
  c,
  testId = "cause-list-case-link",
}: {
  c: Pick<ListedHearing["case"], "id" | "displayNumber">;
  testId?: string;
}) {
  return (
    <Anchor
      component={Link}
      to={`/cases/${c.id}?tab=hearings`}
      size="sm"
      fw={500}
      className="ltr nowrap"
      data-testid={testId}
    >
      {c.displayNumber}
    </Anchor>
  );
}
