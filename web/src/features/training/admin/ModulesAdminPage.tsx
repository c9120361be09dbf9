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
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocale } from "../../../app/format.ts";
import { QueryError } from "../../../app/forms.tsx";
import { useAdminModules } from "./api.ts";

/**
 * Training administration (issue 9): every module, drafts included, with its state and a link to edit it; from
 * here the administrator also reaches the competences and the certificates.
 */
export function ModulesAdminPage() {
  const { t } = useTranslation();
  const modules = useAdminModules();
  const { name } = useLocale();

  return (
    <Stack gap="md" maw={1400} data-testid="training-admin-page">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t("trainingAdmin.modules.title")}
        </Title>
        <Group gap="sm">
          <Button
            component={Link}
            to="/training/admin/competences"
            variant="default"
            data-testid="training-admin-competences"
          >
            {t("trainingAdmin.competences.title")}
          </Button>
          <Button
            component={Link}
            to="/training/admin/certificates"
            variant="default"
            data-testid="training-admin-certificates"
          >
            {t("trainingAdmin.certificates.title")}
          </Button>
          <Button component={Link} to="/training/admin/modules/new" data-testid="module-new">
            {t("trainingAdmin.modules.new")}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t("trainingAdmin.modules.help")}
      </Text>
      {modules.isPending && (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      )}
      {modules.isError && <QueryError error={modules.error} testId="modules-error" />}
      {modules.data && modules.data.length === 0 && <Text>{t("trainingAdmin.modules.none")}</Text>}
      {modules.data && modules.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="module-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("trainingAdmin.field.code")}</Table.Th>
                <Table.Th>{t("trainingAdmin.field.title")}</Table.Th>
                <Table.Th>{t("trainingAdmin.field.topic")}</Table.Th>
                <Table.Th>{t("trainingAdmin.field.language")}</Table.Th>
                <Table.Th>{t("trainingAdmin.modules.content")}</Table.Th>
                <Table.Th>{t("trainingAdmin.field.competence")}</Table.Th>
                <Table.Th>{t("trainingAdmin.modules.state")}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t("trainingAdmin.modules.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {modules.data.map((m) => (
                <Table.Tr
                  key={m.id}
                  data-testid="module-row"
                  data-code={m.code}
                  data-published={String(m.published)}
                >
                  <Table.Td className="ltr">{m.code}</Table.Td>
                  <Table.Td>
                    <bdi>{m.title}</bdi>
                  </Table.Td>
                  <Table.Td>{t(`trainingAdmin.topics.${m.topic}`)}</Table.Td>
                  <Table.Td>{t(`trainingAdmin.languages.${m.language}`)}</Table.Td>
                  <Table.Td>
                    {t("trainingAdmin.modules.counts", { pages: m.pageCount, questions: m.questionCount })}
                  </Table.Td>
                  <Table.Td>
                    <bdi>{name(m.competence)}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.published ? "teal" : "gray"} data-testid="module-state">
                      {m.published ? t("trainingAdmin.modules.published") : t("trainingAdmin.modules.draft")}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/training/admin/modules/${m.id}`}
                      aria-label={t("trainingAdmin.modules.editNamed", { title: m.title })}
                      data-testid="module-edit"
                    >
                      {t("common.edit")}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
