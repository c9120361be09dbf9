import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";
import { usePublicCourts } from "./api.ts";

/**
 * The court a public read is narrowed to ("" for all), from /public/courts. A native select: the browser's own
 * keyboard handling (arrows, type-ahead) and screen-reader support, in either direction.
 */
export function PublicCourtSelect({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (code: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const courts = usePublicCourts();
  const options = [
    { value: "", label: t("public.allCourts") },
    ...(courts.data?.items ?? []).map((c) => ({ value: c.code, label: name(c) })),
  ];
  // a court in the URL keeps its place while the list loads
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={options}
      w={{ base: "100%", sm: 300 }}
      data-testid={testId}
    />
  );
}
