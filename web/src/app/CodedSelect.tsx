import { NativeSelect, type NativeSelectProps } from "@mantine/core";

export type CodedOption = { value: string; label: string; code?: string };

/**
 * A native select whose options carry `data-code` (the record's stable code, e.g. a court's "IHC"), so scripts
 * and tests can pick an option whatever language the labels are in:
 * `select option[data-code="IHC"]`.
 */
export function CodedSelect({
  options,
  ...props
}: Omit<NativeSelectProps, "data" | "children"> & { options: CodedOption[] }) {
  return (
    <NativeSelect {...props}>
      {options.map((o) => (
        <option key={o.value} value={o.value} data-code={o.code}>
          {o.label}
        </option>
      ))}
    </NativeSelect>
  );
}
