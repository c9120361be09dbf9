import { Alert, Anchor, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CommitResult, Preview } from "./api.ts";
import { commitMessage } from "./summary.ts";

/** What a commit did: each case and the officer who now has it (or that it stays in the queue). */
export function CommitSummary({
  result,
  preview,
  onClose,
}: {
  result: CommitResult;
  preview: Preview;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const byId = new Map(preview.items.map((i) => [i.caseId, i]));
  return (
    <Alert
      color="teal"
      title={commitMessage(t, result)}
      withCloseButton
      onClose={onClose}
      data-testid="commit-summary"
      data-assigned={result.assigned}
      data-queued={result.queued}
    >
      <List size="sm" spacing={2}>
        {result.items.map((item) => {
          const c = byId.get(item.caseId);
          return (
            <List.Item
              key={item.caseId}
              data-testid="commit-summary-item"
              data-case-id={item.caseId}
              data-officer-id={item.officerId ?? ""}
            >
              <Anchor component={Link} to={`/cases/${item.caseId}`} inherit>
                <span className="ltr">{c?.displayNumber ?? item.caseId}</span>
              </Anchor>
              {` ${t("assignment.arrow")} `}
              {item.officerName ? (
                <bdi>{item.officerName}</bdi>
              ) : (
                <Text span c="red" size="sm">
                  {t("assignment.staysInQueue")}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
