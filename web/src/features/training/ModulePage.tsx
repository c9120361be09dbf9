import { Alert, Anchor, Button, Center, Group, List, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ProblemAlert, QueryError } from "../../app/forms.tsx";
import { type ModuleDetail, useEnrol, useModule } from "./api.ts";
import { ModulePages } from "./ModulePages.tsx";
import { CertificateLinks, ModuleFacts, StatusBadge } from "./TrainingBits.tsx";

/**
 * /training/modules/:id: a module as a learner takes it. Before enrolling: what it covers and the enrol button;
 * then its pages one at a time, and the quiz once every page is read.
 */
export function ModulePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const query = useModule(id);

  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={t("training.loading")} />
      </Center>
    );
  }
  if (query.isError) return <QueryError error={query.error} testId="training-module-error" />;
  const module = query.data;
  const certificate = module.mine?.certificate;

  return (
    <Stack data-testid="training-module" data-code={module.code} data-version={module.version}>
      <Group justify="space-between" wrap="wrap">
        <Anchor component={Link} to="/training" size="sm" data-testid="training-back">
          {t("training.backToCatalogue")}
        </Anchor>
        <Anchor component={Link} to="/training/me" size="sm">
          {t("training.myLearning")}
        </Anchor>
      </Group>
      <div>
        <Title order={1} size="h2" lang={module.language} data-testid="training-module-title">
          <bdi>{module.title}</bdi>
        </Title>
        <Text size="sm" c="dimmed" mt={4} lang={module.language} dir="auto">
          {module.description}
        </Text>
      </div>
      <Group gap="sm" wrap="wrap">
        <ModuleFacts module={module} />
        <StatusBadge module={module} testId="training-module-status" />
      </Group>
      <Text size="sm">
        {t("training.module.shape", {
          pages: module.pageCount,
          questions: module.questionCount,
          passMark: module.passMark,
        })}
      </Text>
      {certificate && (
        <Alert
          color={certificate.revoked ? "red" : "teal"}
          title={
            certificate.revoked ? t("training.module.certificateRevoked") : t("training.module.completed")
          }
          data-testid="training-module-completed"
        >
          <CertificateLinks id={certificate.id} code={certificate.code} />
        </Alert>
      )}
      {module.mine ? <ModulePages module={module} /> : <EnrolPanel module={module} />}
    </Stack>
  );
}

function EnrolPanel({ module }: { module: ModuleDetail }) {
  const { t } = useTranslation();
  const enrol = useEnrol(module.id);
  return (
    <Paper withBorder p="md" radius="md" data-testid="training-enrol-panel">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("training.module.contents")}
        </Title>
        <List type="ordered" lang={module.language}>
          {module.pages.map((p) => (
            <List.Item key={p.id}>
              <bdi>{p.title}</bdi>
            </List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          {t("training.module.enrolHelp")}
        </Text>
        <ProblemAlert error={enrol.error} testId="training-enrol-error" />
        <Group>
          <Button onClick={() => enrol.mutate()} loading={enrol.isPending} data-testid="training-enrol">
            {t("training.module.enrol")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
