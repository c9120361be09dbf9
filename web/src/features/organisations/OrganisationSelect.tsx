import { Select, type SelectProps } from "@mantine/core";
import { useMemo } from "react";
import { useLocale } from "../../app/format.ts";
import { useOrganisations } from "./api.ts";

type Props = Omit<SelectProps, "data"> & {
  /** `id` (default) or `code` as the option value. */
  valueKey?: "id" | "code";
};

/** A searchable picker of active organisations, labelled in the user's language. */
export function OrganisationSelect({ valueKey = "id", ...props }: Props) {
  const { data, isLoading } = useOrganisations();
  const { name } = useLocale();
  const options = useMemo(
    () =>
      (data ?? [])
        .map((o) => ({ value: o[valueKey], label: `${name(o)} (${o.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [data, name, valueKey],
  );
  return <Select searchable data={options} disabled={isLoading || props.disabled} {...props} />;
}
