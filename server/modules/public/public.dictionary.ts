import type { PublicStatistics } from "../../../common/schemas/public.ts";

/** The published data dictionary of the open statistics: every field, its type, meaning and source. */
const countSource =
  "cases table (CAMS register); confidential cases excluded; counted at most a minute before the request; browsers and proxies may keep a copy up to 5 minutes";
const countFields = (dimension: string, key: string) => [
  { name: "key", type: "string", meaning: key, source: countSource },
  { name: "nameEn", type: "string", meaning: `English name of the ${dimension}`, source: countSource },
  { name: "nameUr", type: "string", meaning: `Urdu name of the ${dimension}`, source: countSource },
  {
    name: "count",
    type: "integer ≥ 0",
    meaning: `number of cases in this ${dimension}`,
    source: countSource,
  },
];

export const DICTIONARY = {
  title: "CAMS open case statistics",
  description:
    "Aggregate counts of the federal government's court cases registered in CAMS, without any personal data. " +
    "Confidential cases are left out of every figure. Mutual legal assistance requests are not cases and are " +
    "never counted.",
  files: [
    {
      path: "/api/v1/public/statistics.json",
      format: "JSON object",
      fields: [
        {
          name: "asOf",
          type: "date (YYYY-MM-DD)",
          meaning: "the day the figures were counted, Pakistan time",
          source: "server clock (Asia/Karachi)",
        },
        {
          name: "countedAt",
          type: "date-time (ISO 8601, UTC)",
          meaning: "when the figures were counted; they are counted again every few minutes (10 by default)",
          source: "CAMS's pre-count of the dashboards' figures (case_figures)",
        },
        { name: "total", type: "integer ≥ 0", meaning: "all non-confidential cases", source: countSource },
        ...countFields(
          "organisation",
          "byOrganisation[].key: code of the ministry or division whose case it is",
        ),
        ...countFields(
          "court",
          "byCourt[].key: code of the court the case is before (e.g. IHC), as listed at /api/v1/public/courts",
        ),
        ...countFields("status", "byStatus[].key: pending, decided, appealed or closed"),
        ...countFields(
          "year",
          "byYearFiled[].key: year of the filing date, else the year in the case number",
        ),
        ...countFields(
          "age bucket",
          "byAgeBucket[].key: pending cases by time since filing (else since 1 January of the case's year): under_1, 1_3, 3_5, 5_10, over_10 years",
        ),
      ],
    },
    {
      path: "/api/v1/public/statistics.csv",
      format: "CSV (RFC 4180, UTF-8, header row), the same figures as the JSON, one row per count",
      fields: [
        {
          name: "dimension",
          type: "string",
          meaning: "total, organisation, court, status, year_filed or age_bucket",
          source: countSource,
        },
        {
          name: "key",
          type: "string",
          meaning: "as the JSON's key for that dimension (empty for total)",
          source: countSource,
        },
        { name: "name_en", type: "string", meaning: "English name", source: countSource },
        { name: "name_ur", type: "string", meaning: "Urdu name", source: countSource },
        { name: "count", type: "integer ≥ 0", meaning: "number of cases", source: countSource },
        {
          name: "as_of",
          type: "date (YYYY-MM-DD)",
          meaning: "the day the figures were counted",
          source: "server clock (Asia/Karachi)",
        },
      ],
    },
  ],
};

const DIMENSIONS = [
  ["organisation", "byOrganisation"],
  ["court", "byCourt"],
  ["status", "byStatus"],
  ["year_filed", "byYearFiled"],
  ["age_bucket", "byAgeBucket"],
] as const;

// RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula.
function cell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function statisticsCsv(s: PublicStatistics): string {
  const rows: (string | number)[][] = [["dimension", "key", "name_en", "name_ur", "count", "as_of"]];
  rows.push(["total", "", "all cases", "تمام مقدمات", s.total, s.asOf]);
  for (const [dimension, field] of DIMENSIONS) {
    for (const c of s[field]) rows.push([dimension, c.key, c.nameEn, c.nameUr, c.count, s.asOf]);
  }
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
