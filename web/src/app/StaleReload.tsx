import { Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "./api.ts";

/**
 * Inside a problem alert on a 409 `stale_version`: says that someone else saved first and offers to load the
 * latest version. The form keeps what the user typed; only the version (and the unchanged fields) move on.
 */
export function StaleReload({
  error,
  onReload,
  testId,
}: {
  error: unknown;
  onReload: () => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (!isApiError(error) || error.code !== "stale_version") return null;
  return (
    <Group mt="xs" gap="sm" wrap="nowrap" align="flex-start">
      <Text size="sm">{t("common.staleHelp")}</Text>
      <Button
        size="xs"
        variant="white"
        color="red"
        loading={busy}
        onClick={() => {
          setBusy(true);
          void onReload().finally(() => setBusy(false));
        }}
        data-testid={testId}
      >
        {t("common.reload")}
      </Button>
    </Group>
  );
}
