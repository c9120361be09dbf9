import { Badge, Button, Center, Group, Loader, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../app/forms.tsx";
import { useCaseTypes } from "./api.ts";
import { CaseTypeEditModal } from "./CaseTypeEditModal.tsx";
import { ActiveBadge, NamePair } from "./NamePair.tsx";

/** Case types: abbreviation, names, the aliases people type, and whether the type is offered. */
export function CaseTypesTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const types = useCaseTypes();
  const [editingId, setEditingId] = useState<string | null>(null);
  if (types.isPending) {
    return (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (types.isError) return <QueryError error={types.error} />;
  const editing = types.data.find((c) => c.id === editingId);

  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover data-testid="case-type-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reference.abbreviation")}</Table.Th>
              <Table.Th>{t("reference.name")}</Table.Th>
              <Table.Th>{t("reference.aliases")}</Table.Th>
              <Table.Th>{t("reference.courtLevels")}</Table.Th>
              <Table.Th>{t("fields.status")}</Table.Th>
              {canEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {types.data.map((ct) => (
              <Table.Tr key={ct.id} data-testid="case-type-row" data-case-type-id={ct.id} data-code={ct.code}>
                <Table.Td className="ltr">
                  <Text size="sm" fw={600}>
                    {ct.abbreviation}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {ct.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <NamePair named={ct} />
                  {ct.isAppeal && (
                    <Badge size="xs" variant="light" color="grape" mt={2}>
                      {t("reference.isAppeal")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td maw={360}>
                  <Group gap={4} className="ltr" data-testid="case-type-aliases">
                    {ct.aliases.map((a) => (
                      <Badge
                        key={a}
                        size="sm"
                        variant="outline"
                        color="gray"
                        tt="none"
                        data-testid="case-type-alias"
                      >
                        {a}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {(ct.courtLevels ?? [])
                      .map((l) => t(`courtLevel.${l}`, { defaultValue: l }))
                      .join(t("common.listSeparator"))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ActiveBadge active={ct.active} testId="case-type-active" />
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditingId(ct.id)}
                      data-testid="case-type-edit"
                    >
                      {t("common.edit")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <CaseTypeEditModal caseType={editing} onClose={() => setEditingId(null)} />}
    </>
  );
}
