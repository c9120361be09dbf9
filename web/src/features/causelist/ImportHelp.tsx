import { Code, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Column = "caseNumber" | "date" | "time" | "serial" | "purpose" | "coram";

/**
 * The columns the server's CSV adapter reads, with the header names it accepts and values it understands.
 * Names and examples are what goes into the file, so they stay as written (left to right) in both languages.
 */
const COLUMNS: { key: Column; required?: boolean; names: string[]; examples: string[] }[] = [
  {
    key: "caseNumber",
    required: true,
    names: ["case", "case no", "case number", "number"],
    examples: ["W.P. No. 1234 of 2025", "WP 1234/2025"],
  },
  {
    key: "date",
    required: true,
    names: ["date", "hearing date", "listed on"],
    examples: ["22-11-2026", "22/11/26", "22 Nov 2026", "2026-11-22"],
  },
  { key: "time", names: ["time"], examples: ["9:30", "10:00 AM", "2.15 pm"] },
  { key: "serial", names: ["serial", "sr", "sr no", "item"], examples: ["1", "12"] },
  { key: "purpose", names: ["purpose", "stage"], examples: ["Arguments"] },
  { key: "coram", names: ["coram", "bench", "judges", "before"], examples: ["DB-I"] },
];

const SAMPLE = [
  "Sr No,Case No,Date,Time,Purpose,Coram",
  "1,W.P. No. 1234 of 2025,22-11-2026,10:00 AM,Arguments,DB-I",
  "2,WP 87/2026,22-11-2026,11:30 AM,Notice,SB-II",
].join("\n");

/** What the file needs: its columns, in the reader's language, and a sample. */
export function ImportHelp() {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="import-help">
      <Title order={2} size="h5">
        {t("causeList.import.helpTitle")}
      </Title>
      <Text size="sm">{t("causeList.import.helpIntro")}</Text>
      <Table.ScrollContainer minWidth={640}>
        <Table fz="sm" verticalSpacing={4} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("causeList.import.helpColumn")}</Table.Th>
              <Table.Th>{t("causeList.import.helpNames")}</Table.Th>
              <Table.Th>{t("causeList.import.helpExamples")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {COLUMNS.map((c) => (
              <Table.Tr key={c.key} data-testid="import-help-column" data-column={c.key}>
                <Table.Td>
                  {t(`causeList.import.columns.${c.key}`)}
                  {c.required && (
                    <Text span c="red" size="xs">
                      {" "}
                      ({t("causeList.import.required")})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <span className="ltr">{c.names.join(" · ")}</span>
                </Table.Td>
                <Table.Td>
                  <span className="ltr">{c.examples.join(" · ")}</span>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm">{t("causeList.import.helpMatch")}</Text>
      <Text size="sm">{t("causeList.import.helpSample")}</Text>
      <Code block dir="ltr">
        {SAMPLE}
      </Code>
    </Stack>
  );
}
