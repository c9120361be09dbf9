import { Alert, Stack, Tabs, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { canManageReference } from "../../app/abilities.ts";
import { useMe } from "../../app/session.tsx";
import { CaseTypesTab } from "./CaseTypesTab.tsx";
import { CourtsTab } from "./CourtsTab.tsx";
import { RolesTab } from "./RolesTab.tsx";

const TABS = ["courts", "case-types", "roles"] as const;
type Tab = (typeof TABS)[number];

/** Courts and benches, case types and roles. Administrators edit them; everyone else reads. */
export function ReferencePage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = canManageReference(me);
  const [params, setParams] = useSearchParams();
  const tabParam = params.get("tab");
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : "courts";

  return (
    <Stack gap="sm" maw={1200}>
      <Title order={1} size="h2">
        {t("reference.title")}
      </Title>
      {!canEdit && (
        <Alert color="gray" data-testid="reference-read-only">
          {t("reference.readOnly")}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          if (!v || v === "courts") next.delete("tab");
          else next.set("tab", v);
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`ref-tab-${name}`}>
              {t(`reference.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="courts" pt="md">
          <CourtsTab canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="case-types" pt="md">
          <CaseTypesTab canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="roles" pt="md">
          <RolesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
