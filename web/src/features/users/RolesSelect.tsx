import { MultiSelect, type MultiSelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../../common/roles.ts";
import { useLocale } from "../../app/format.ts";
import { useRoles } from "../reference/api.ts";

/** The roles of DOMAIN.md §2, named from reference data when it is loaded. */
export function RolesSelect(props: Omit<MultiSelectProps, "data">) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const roles = useRoles();
  const data = roles.data
    ? roles.data.map((r) => ({ value: r.code, label: name(r) }))
    : ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return <MultiSelect searchable data={data} {...props} />;
}
