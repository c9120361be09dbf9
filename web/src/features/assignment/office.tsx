import { Select } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";
import { useMe } from "../../app/session.tsx";
import { type Organisation, useOrganisations } from "../organisations/api.ts";

/** The law office whose queue the demo and most users work on, chosen first for the Law Ministry. */
const DEFAULT_OFFICE_CODE = "AGP";

export type OfficeChoice = {
  /** The office whose assignments are shown; undefined until known. */
  officeId: string | undefined;
  /** The law offices one may choose from (Law Ministry); empty for an office's own staff. */
  offices: Organisation[];
  /** Set only for those who may choose (the Law Ministry manages every office). */
  choose: ((id: string) => void) | null;
};

/**
 * Which law office's assignments are shown. An assigning officer works for their own office. The Law Ministry
 * manages every office and must name one: the choice is kept in the browser (so the case page's suggestion
 * uses the same office), and is the Attorney-General's office until changed.
 */
export function useOffice(): OfficeChoice {
  const me = useMe();
  const own = me.organisation.kind === "law_office";
  const orgs = useOrganisations();
  const [stored, setStored] = useLocalStorage<string | null>({
    key: "cams.assignment.office",
    defaultValue: null,
    getInitialValueInEffect: false,
  });
  const offices = useMemo(
    () => (own ? [] : (orgs.data ?? []).filter((o) => o.kind === "law_office" && o.active !== false)),
    [own, orgs.data],
  );
  if (own) return { officeId: me.organisation.id, offices: [], choose: null };
  const officeId =
    offices.find((o) => o.id === stored)?.id ??
    offices.find((o) => o.code === DEFAULT_OFFICE_CODE)?.id ??
    offices[0]?.id;
  return { officeId, offices, choose: setStored };
}

/** The office picker (only for those who may choose). */
export function OfficePicker({ office }: { office: OfficeChoice }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  if (!office.choose) return null;
  const choose = office.choose;
  return (
    <Select
      label={t("assignment.office")}
      data={office.offices.map((o) => ({ value: o.id, label: `${name(o)} (${o.code})` }))}
      value={office.officeId ?? null}
      onChange={(v) => v && choose(v)}
      allowDeselect={false}
      w={{ base: "100%", sm: 420 }}
      data-testid="assignment-office"
    />
  );
}
