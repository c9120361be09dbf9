import { Center, Loader, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../app/forms.tsx";
import { useRoles } from "./api.ts";
import { NamePair } from "./NamePair.tsx";

/** The fixed roles (DOMAIN.md §2); read-only, as their codes are fixed in the code. */
export function RolesTab() {
  const { t } = useTranslation();
  const roles = useRoles();
  if (roles.isPending) {
    return (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (roles.isError) return <QueryError error={roles.error} />;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped data-testid="role-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("reference.code")}</Table.Th>
            <Table.Th>{t("reference.name")}</Table.Th>
            <Table.Th>{t("reference.description")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {roles.data.map((r) => (
            <Table.Tr key={r.code} data-testid="role-row" data-code={r.code}>
              <Table.Td className="ltr">
                <Text size="sm" ff="monospace">
                  {r.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <NamePair named={r} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" lang="en" dir="ltr">
                  {r.description}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
