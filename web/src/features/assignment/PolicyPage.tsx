import { Center, Loader, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import { OfficePicker, useOffice } from "./office.tsx";
import { PolicyForm } from "./PolicyForm.tsx";
import { usePolicy } from "./policyApi.ts";
import { WeightsTable } from "./WeightsTable.tsx";

/**
 * The office's assignment policy (assigning officer, Law Ministry) and the case weights (everyone here reads
 * them; the Law Ministry and administrators edit them).
 */
export function PolicyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.roles.includes("administrator");
  const office = useOffice();
  const policy = usePolicy(office.officeId, me.abilities.assignCases);
  if (!me.abilities.assignCases && !isAdmin) return <NotFound message={t("errors.forbidden")} />;
  const editWeights = isAdmin || me.roles.includes("law_ministry");

  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} size="h2">
        {t("policy.title")}
      </Title>
      {me.abilities.assignCases && (
        <>
          <OfficePicker office={office} />
          {policy.isError && <QueryError error={policy.error} />}
          {policy.isPending && (
            <Center p="xl">
              <Loader />
            </Center>
          )}
          {policy.data && office.officeId && (
            <PolicyForm
              key={office.officeId}
              policy={policy.data}
              officeId={office.officeId}
              reload={async () => (await policy.refetch()).data}
            />
          )}
        </>
      )}
      <WeightsTable editable={editWeights} />
    </Stack>
  );
}
