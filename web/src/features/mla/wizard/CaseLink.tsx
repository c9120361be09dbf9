import { Anchor, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCaseList } from "../../cases/api.ts";
import type { MlaDetail } from "../api.ts";

/**
 * The CAMS case the request serves. The officer finds it by number or title among the cases they may see; the
 * choice is saved with the draft. A case outside the reader's scope shows only that one is linked.
 */
export function CaseLink({
  current,
  caseId,
  setCaseId,
  readOnly,
}: {
  current: MlaDetail["case"];
  caseId: string | null;
  setCaseId: (id: string | null) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const found = useCaseList({ q: debounced, pageSize: 5 }, { enabled: debounced.length >= 2 });
  const label =
    picked?.id === caseId
      ? picked.label
      : current?.id === caseId && current
        ? current.displayNumber
          ? `${current.displayNumber} — ${current.title}`
          : t("mla.caseLink.hidden")
        : null;
  return (
    <Stack gap={6} data-testid="mla-case-link">
      <Text size="sm" fw={500}>
        {t("mla.caseLink.title")}
      </Text>
      {caseId ? (
        <Group gap="xs">
          {current?.displayNumber || picked ? (
            <Anchor component={Link} to={`/cases/${caseId}`} data-testid="mla-case-linked">
              <bdi>{label}</bdi>
            </Anchor>
          ) : (
            <Text size="sm" data-testid="mla-case-linked">
              {label}
            </Text>
          )}
          {!readOnly && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCaseId(null)}>
              {t("mla.wizard.remove")}
            </Button>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t("mla.caseLink.none")}
        </Text>
      )}
      {!readOnly && (
        <>
          <TextInput
            label={t("mla.caseLink.search")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-testid="mla-case-search"
          />
          {debounced.length >= 2 &&
            (found.data?.items ?? []).map((c) => (
              <Group key={c.id} gap="xs">
                <Text size="sm">
                  <bdi>
                    {c.displayNumber} — {c.title}
                  </bdi>
                </Text>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => {
                    setPicked({ id: c.id, label: `${c.displayNumber} — ${c.title}` });
                    setCaseId(c.id);
                    setQ("");
                  }}
                  data-testid="mla-case-pick"
                >
                  {t("mla.caseLink.pick")}
                </Button>
              </Group>
            ))}
        </>
      )}
    </Stack>
  );
}
