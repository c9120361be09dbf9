import {
  Button,
  Card,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { TIER_CODES } from "../../../../common/schemas/assignment.ts";
import { isolate } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { StaleReload } from "../../app/StaleReload.tsx";
import { CATEGORIES } from "../cases/types.ts";
import { type OfficerProfile, useSaveProfile } from "./officersApi.ts";
import { type Seat, SeatsEditor } from "./SeatsEditor.tsx";

type Tier = (typeof TIER_CODES)[number];

/**
 * The officer's profile as the engine uses it: tier, expertise, maximum weighted load, active, seats. Saved as
 * a whole with the version read (0 when the officer has no profile yet); a 409 offers a reload that keeps the
 * edits.
 */
export function ProfileForm({
  profile,
  editable,
  reload,
}: {
  profile: OfficerProfile;
  editable: boolean;
  reload: () => Promise<OfficerProfile | undefined>;
}) {
  const { t } = useTranslation();
  const save = useSaveProfile(profile.userId);
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();
  const [version, setVersion] = useState(profile.version);
  const [tier, setTier] = useState<Tier>(profile.tier);
  const [expertise, setExpertise] = useState<string[]>(profile.expertise);
  const [maxLoad, setMaxLoad] = useState<number | string>(profile.maxLoad);
  const [active, setActive] = useState(profile.active);
  const [notes, setNotes] = useState(profile.notes);
  const [seats, setSeats] = useState<Seat[]>(
    profile.seats.map((s) => ({ courtId: s.courtId, benchId: s.benchId })),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const errors: Record<string, string> = {};
    if (seats.some((s) => !s.courtId)) errors.seats = t("officers.seatCourtRequired");
    if (maxLoad === "" || Number(maxLoad) <= 0) errors.maxLoad = t("officers.maxLoadPositive");
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      return;
    }
    save.mutate(
      {
        version,
        tier,
        expertise: expertise as (typeof CATEGORIES)[number][],
        maxLoad: Number(maxLoad),
        active,
        notes: notes.trim(),
        seats,
      },
      {
        onSuccess: (saved) => {
          setVersion(saved.version);
          notifications.show({
            color: "teal",
            message: t("officers.saved", { name: isolate(saved.fullName) }),
          });
        },
        onError: fail,
      },
    );
  }

  const seatError = Object.entries(fieldErrors).find(([k]) => k.startsWith("seats"))?.[1];
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate data-testid="profile-form" data-version={version}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("officers.profile")}
          </Title>
          <ProblemAlert
            error={problem}
            testId="profile-error"
            shown={(k) => k in fieldErrors || k.startsWith("seats")}
          >
            <StaleReload
              error={problem}
              testId="profile-reload"
              onReload={async () => {
                const latest = await reload();
                if (latest) setVersion(latest.version);
                clear();
              }}
            />
          </ProblemAlert>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t("officers.tier")}
              data={TIER_CODES.map((x) => ({ value: x, label: t(`tiers.${x}`) }))}
              value={tier}
              onChange={(e) => setTier(e.currentTarget.value as Tier)}
              disabled={!editable}
              error={fieldErrors.tier}
              data-testid="profile-tier"
            />
            <NumberInput
              label={t("officers.maxLoad")}
              description={t("officers.maxLoadHelp")}
              min={0.5}
              max={10000}
              decimalScale={2}
              value={maxLoad}
              onChange={setMaxLoad}
              disabled={!editable}
              error={fieldErrors.maxLoad}
              data-testid="profile-max-load"
            />
          </SimpleGrid>
          <MultiSelect
            label={t("officers.expertise")}
            description={t("officers.expertiseHelp")}
            data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            value={expertise}
            onChange={setExpertise}
            disabled={!editable}
            error={fieldErrors.expertise}
            data-testid="profile-expertise"
          />
          <Switch
            label={t("officers.activeLabel")}
            description={t("officers.activeHelp")}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
            disabled={!editable}
            data-testid="profile-active"
          />
          <SeatsEditor seats={seats} onChange={setSeats} disabled={!editable} error={seatError} />
          <Textarea
            label={t("officers.notes")}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            disabled={!editable}
            error={fieldErrors.notes}
            data-testid="profile-notes"
          />
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} data-testid="profile-submit">
                {t("common.save")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
