import { Anchor, Button, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Decision, PreviewItem } from "./api.ts";
import { Explanation } from "./Explanation.tsx";
import { useExplain } from "./explain.ts";

/** The officer a decision proposes, with their load before and after the case. */
export function proposed(decision: Decision) {
  const chosen = decision.candidates.find((c) => c.officerId === decision.chosenOfficerId);
  const name = chosen?.name ?? (decision.chosenOfficerId ? String(decision.stepParams.name ?? "") : null);
  return { id: decision.chosenOfficerId, name, load: chosen?.load, loadAfter: chosen?.loadAfter };
}

const STEP_COLOR: Record<string, string> = {
  related_case: "grape.7",
  rotation: "blue.7",
  least_load: "teal.8",
  random_draw: "cyan.8",
  no_eligible_officer: "red.7",
};

/**
 * A preview, one row per case: the proposed officer, how they were chosen and their load before → after;
 * "Why?" opens the full explanation under the row.
 */
export function PreviewTable({ items }: { items: PreviewItem[] }) {
  const { t } = useTranslation();
  const { num } = useExplain();
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" data-testid="preview-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("assignment.case")}</Table.Th>
            <Table.Th>{t("assignment.weight")}</Table.Th>
            <Table.Th>{t("assignment.proposedOfficer")}</Table.Th>
            <Table.Th>{t("assignment.how")}</Table.Th>
            <Table.Th>{t("assignment.loadBeforeAfter")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const p = proposed(item.decision);
            const expanded = open.has(item.caseId);
            return (
              <Fragment key={item.caseId}>
                <Table.Tr data-testid="preview-row" data-case-id={item.caseId} data-officer-id={p.id ?? ""}>
                  <Table.Td maw={340}>
                    <Text size="xs" className="ltr" c="dimmed">
                      {item.displayNumber}
                    </Text>
                    <Text size="sm" lineClamp={2}>
                      <Anchor
                        component={Link}
                        to={`/cases/${item.caseId}`}
                        target="_blank"
                        rel="noopener"
                        inherit
                      >
                        <bdi>{item.title}</bdi>
                      </Anchor>
                    </Text>
                  </Table.Td>
                  <Table.Td>{num(item.weight)}</Table.Td>
                  <Table.Td data-testid="preview-officer">
                    {p.name ? (
                      <Text size="sm" fw={500}>
                        <bdi>{p.name}</bdi>
                      </Text>
                    ) : (
                      <Text size="sm" c="red">
                        {t("assignment.staysInQueue")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      fw={500}
                      c={STEP_COLOR[item.decision.step] ?? "gray"}
                      data-testid="preview-step"
                      data-step={item.decision.step}
                    >
                      {t(`assignment.steps.${item.decision.step}`, { defaultValue: item.decision.step })}
                    </Text>
                  </Table.Td>
                  <Table.Td className="nowrap" data-testid="preview-load">
                    {p.load !== undefined && (
                      <span className="ltr">
                        {num(p.load)} → {num(p.loadAfter)}
                      </span>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant={expanded ? "light" : "subtle"}
                      onClick={() => toggle(item.caseId)}
                      aria-expanded={expanded}
                      data-testid="preview-explain"
                    >
                      {expanded ? t("assignment.hideWhy") : t("assignment.why")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr data-testid="preview-explanation-row" data-case-id={item.caseId}>
                    <Table.Td colSpan={6} bg="var(--mantine-color-gray-0)">
                      <Explanation decision={item.decision} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
