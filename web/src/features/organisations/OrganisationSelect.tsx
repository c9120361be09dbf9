import { Select, type SelectProps } from "@mantine/core";
import { useMemo } from "react";
import { useLocale } from "../../app/format.ts";
import { type Organisation, useOrganisations } from "./api.ts";

type Props = Omit<SelectProps, "data"> & {
  /** `id` (default) or `code` as the option value. */
  valueKey?: "id" | "code";
  /** Leaves out organisations one cannot choose here (e.g. the system organisation at registration). */
  exclude?: (o: Organisation) => boolean;
};

/** A searchable picker of active organisations, labelled in the user's language. */
export function OrganisationSelect({ valueKey = "id", exclude, ...props }: Props) {
  const { data, isLoading } = useOrganisations();
  const { name } = useLocale();
  const options = useMemo(
    () =>
      (data ?? [])
        // Administrators also receive inactive organisations; they are offered only if already chosen.
        .filter((o) => (o.active !== false || o[valueKey] === props.value) && !exclude?.(o))
        .map((o) => ({ value: o[valueKey], label: `${name(o)} (${o.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [data, name, valueKey, exclude, props.value],
  );
  return <Select searchable data={options} disabled={isLoading || props.disabled} {...props} />;
}
