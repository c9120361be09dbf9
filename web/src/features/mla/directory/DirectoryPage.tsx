import { Button, Center, Group, Loader, Stack, Tabs, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../../app/forms.tsx";
import { NotFound } from "../../../app/NotFound.tsx";
import { useMe } from "../../../app/session.tsx";
import { type DirectoryKind, useDirectory } from "./api.ts";
import {
  ContactTable,
  type Editing,
  InstrumentsTable,
  ProviderCard,
  StatesTable,
} from "./DirectoryParts.tsx";
import { EntryDialog } from "./EntryDialog.tsx";

/**
 * The MLA directory (issue 5 item 5): foreign central authorities, 24/7 points of contact, service providers
 * (portal, legal entity by the user's location, what each discloses without MLA), states and instruments, each
 * fact with its source and V/S/U status. The Central Authority edits it; agencies read it. The drafting checker
 * reads the same entries, so an edit here changes the findings of every draft.
 */

export function DirectoryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isCa = me.roles.includes("central_authority");
  const allowed = isCa || me.roles.includes("requesting_agency");
  const directory = useDirectory();
  const [editing, setEditing] = useState<Editing | null>(null);
  if (!allowed) return <NotFound message={t("errors.forbidden")} />;
  const items = directory.data?.items ?? [];
  const of = (kind: DirectoryKind) => items.filter((e) => e.kind === kind);
  const contacts = (contactKind: string) => of("contact").filter((e) => e.data.kind === contactKind);
  const edit = isCa ? (e: Editing) => setEditing(e) : undefined;
  const stateName = (code: unknown) =>
    typeof code === "string" ? String(of("state").find((s) => s.code === code)?.data.name ?? code) : "—";

  const addButton = (kind: DirectoryKind, contactKind?: string) =>
    edit && (
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="light"
          onClick={() => edit({ kind, entry: null, contactKind })}
          data-testid={`directory-add-${contactKind ?? kind}`}
        >
          {t("mlaDirectory.addEntry")}
        </Button>
      </Group>
    );

  return (
    <Stack gap="md" maw={1400} data-testid="mla-directory-page">
      <Title order={1} size="h2">
        {t("mlaDirectory.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {isCa ? t("mlaDirectory.helpCa") : t("mlaDirectory.helpAgency")}
      </Text>
      {directory.isPending && (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      )}
      {directory.isError && <QueryError error={directory.error} testId="directory-error" />}
      {directory.data && (
        <Tabs defaultValue="central" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="central" data-testid="directory-tab-central">
              {t("mlaDirectory.tabs.central")}
            </Tabs.Tab>
            <Tabs.Tab value="points" data-testid="directory-tab-points">
              {t("mlaDirectory.tabs.points")}
            </Tabs.Tab>
            <Tabs.Tab value="providers" data-testid="directory-tab-providers">
              {t("mlaDirectory.tabs.providers")}
            </Tabs.Tab>
            <Tabs.Tab value="states" data-testid="directory-tab-states">
              {t("mlaDirectory.tabs.states")}
            </Tabs.Tab>
            <Tabs.Tab value="instruments" data-testid="directory-tab-instruments">
              {t("mlaDirectory.tabs.instruments")}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="central" pt="sm">
            {addButton("contact", "central_authority")}
            <ContactTable items={contacts("central_authority")} stateName={stateName} edit={edit} />
          </Tabs.Panel>
          <Tabs.Panel value="points" pt="sm">
            {addButton("contact", "network_24_7")}
            <ContactTable items={contacts("network_24_7")} stateName={stateName} edit={edit} />
          </Tabs.Panel>
          <Tabs.Panel value="providers" pt="sm">
            {addButton("provider")}
            <Stack gap="sm">
              {of("provider").map((p) => (
                <ProviderCard
                  key={p.code}
                  p={p}
                  channels={contacts("provider_channel").filter((c) => c.data.provider === p.code)}
                  stateName={stateName}
                  edit={edit}
                />
              ))}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="states" pt="sm">
            {addButton("state")}
            <StatesTable items={of("state")} instruments={of("instrument")} edit={edit} />
          </Tabs.Panel>
          <Tabs.Panel value="instruments" pt="sm">
            {addButton("instrument")}
            <InstrumentsTable items={of("instrument")} edit={edit} />
          </Tabs.Panel>
        </Tabs>
      )}
      {editing && <EntryDialog {...editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
