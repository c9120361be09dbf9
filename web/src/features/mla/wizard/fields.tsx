import { NativeSelect, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * The wizard's inputs: each labelled from `mla.fields.<name>`, tagged `mla-draft-<name>` for tests, disabled when
 * the draft is read-only, and showing the server's error for its path. Values left empty are dropped on save.
 */
export type FieldProps = {
  name: string;
  value: string | undefined;
  onChange: (value: string) => void;
  disabled: boolean;
  error?: string;
  ltr?: boolean;
  placeholder?: string;
  description?: string;
};

export function Field({ name, value, onChange, disabled, error, ltr, placeholder, description }: FieldProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t(`mla.fields.${name}`)}
      value={value ?? ""}
      onChange={(e) => onChange(e.currentTarget.value)}
      disabled={disabled}
      error={error}
      placeholder={placeholder}
      description={description}
      classNames={ltr ? { input: "ltr" } : undefined}
      data-testid={`mla-draft-${name}`}
    />
  );
}

export function Area(props: FieldProps) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t(`mla.fields.${props.name}`)}
      value={props.value ?? ""}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      disabled={props.disabled}
      error={props.error}
      description={props.description}
      autosize
      minRows={2}
      data-testid={`mla-draft-${props.name}`}
    />
  );
}

/** A choice among codes; "" is "not stated". `labelOf` words each code in the UI language. */
export function Choice({
  name,
  value,
  options,
  labelOf,
  onChange,
  disabled,
  error,
}: {
  name: string;
  value: string | undefined;
  options: readonly string[];
  labelOf: (code: string) => string;
  onChange: (value: string | undefined) => void;
  disabled: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t(`mla.fields.${name}`)}
      value={value ?? ""}
      onChange={(e) => onChange(e.currentTarget.value || undefined)}
      data={[
        { value: "", label: t("common.notSpecified") },
        ...options.map((o) => ({ value: o, label: labelOf(o) })),
      ]}
      disabled={disabled}
      error={error}
      data-testid={`mla-draft-${name}`}
    />
  );
}
