import { Group, Table, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, useLocale } from "../../app/format.ts";
import { useProblem } from "../../app/forms.tsx";
import { type OfficerProfile, useLeaves } from "./officersApi.ts";
import { ProfileListPanel } from "./ProfileListPanel.tsx";

/** Current and future leave periods: an officer on leave on the decision date is not eligible. */
export function LeavesPanel({ profile, editable }: { profile: OfficerProfile; editable: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { add, remove } = useLeaves(profile.userId);
  const problem = useProblem();
  const { fieldErrors } = problem;
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [reason, setReason] = useState("");

  function submit() {
    add.mutate(
      { startsOn, endsOn, reason: reason.trim() },
      {
        onSuccess: () => {
          setStartsOn("");
          setEndsOn("");
          setReason("");
        },
        onError: problem.fail,
      },
    );
  }

  return (
    <ProfileListPanel
      title={t("officers.leaves")}
      testId="leave"
      emptyText={t("officers.noLeaves")}
      items={profile.leaves}
      renderCells={(l) => (
        <>
          <Table.Td className="nowrap">
            {formatDate(l.startsOn, locale)} – {formatDate(l.endsOn, locale)}
          </Table.Td>
          <Table.Td>
            <bdi>{l.reason}</bdi>
          </Table.Td>
        </>
      )}
      editable={editable}
      remove={remove}
      problem={problem}
      onAdd={submit}
      canAdd={Boolean(startsOn && endsOn)}
      adding={add.isPending}
      addLabel={t("officers.addLeave")}
    >
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t("officers.leaveStarts")}
          required
          value={startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
          error={fieldErrors.startsOn}
          data-testid="leave-starts"
        />
        <TextInput
          type="date"
          label={t("officers.leaveEnds")}
          required
          value={endsOn}
          min={startsOn || undefined}
          onChange={(e) => setEndsOn(e.currentTarget.value)}
          error={fieldErrors.endsOn}
          data-testid="leave-ends"
        />
      </Group>
      <TextInput
        label={t("fields.reason")}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldErrors.reason}
        data-testid="leave-reason"
      />
    </ProfileListPanel>
  );
}
