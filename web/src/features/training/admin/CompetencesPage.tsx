import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryError } from "../../../app/forms.tsx";
import { type Competence, useCompetences } from "./api.ts";
import { CompetenceDialog } from "./CompetenceDialog.tsx";

/**
 * The competences completed modules grant (issue 9): each with its names, the case categories and MLA request
 * kinds for which holding it counts in assignment, its source, and how many modules grant it.
 */
export function CompetencesPage() {
  const { t } = useTranslation();
  const competences = useCompetences();
  const [editing, setEditing] = useState<Competence | "new" | null>(null);

  return (
    <Stack gap="md" maw={1400} data-testid="competences-page">
      <Anchor component={Link} to="/training/admin" size="sm">
        {t("trainingAdmin.editor.back")}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t("trainingAdmin.competences.title")}
        </Title>
        <Button onClick={() => setEditing("new")} data-testid="competence-new">
          {t("trainingAdmin.competences.new")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t("trainingAdmin.competences.help")}
      </Text>
      {competences.isPending && (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      )}
      {competences.isError && <QueryError error={competences.error} testId="competences-error" />}
      {competences.data && competences.data.length === 0 && (
        <Text>{t("trainingAdmin.competences.none")}</Text>
      )}
      {competences.data && competences.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="competence-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("trainingAdmin.field.code")}</Table.Th>
                <Table.Th>{t("trainingAdmin.competences.nameEn")}</Table.Th>
                <Table.Th>{t("trainingAdmin.competences.nameUr")}</Table.Th>
                <Table.Th>{t("trainingAdmin.competences.caseCategories")}</Table.Th>
                <Table.Th>{t("trainingAdmin.competences.mlaKinds")}</Table.Th>
                <Table.Th>{t("trainingAdmin.competences.modules")}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t("trainingAdmin.modules.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {competences.data.map((c) => (
                <Table.Tr key={c.code} data-testid="competence-row" data-code={c.code}>
                  <Table.Td className="ltr">{c.code}</Table.Td>
                  <Table.Td>
                    <bdi>{c.nameEn}</bdi>
                  </Table.Td>
                  <Table.Td lang="ur" dir="rtl">
                    {c.nameUr}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.caseCategories.map((k) => (
                        <Badge key={k} size="xs" variant="light">
                          {t(`category.${k}`)}
                        </Badge>
                      ))}
                      {c.caseCategories.length === 0 && "—"}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.mlaKinds.map((k) => (
                        <Badge key={k} size="xs" variant="light" color="grape">
                          {t(`mla.kinds.${k}`)}
                        </Badge>
                      ))}
                      {c.mlaKinds.length === 0 && "—"}
                    </Group>
                  </Table.Td>
                  <Table.Td data-testid="competence-modules">{c.modules}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setEditing(c)}
                      aria-label={t("trainingAdmin.competences.editNamed", { code: c.code })}
                      data-testid="competence-edit"
                    >
                      {t("common.edit")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <CompetenceDialog
          competence={editing === "new" ? null : editing}
          latest={async () => (await competences.refetch()).data}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
