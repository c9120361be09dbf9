import type { LinkKind, Stage } from "./demo.plan.ts";
import type { Forum, Matter, Registrar } from "./demo.profiles.ts";

/**
 * Hand-written cases the demo must contain: the number a browser test searches for, the title examples from
 * DOMAIN.md, confidential matters, a batch of connected petitions, one issue litigated in three High Courts,
 * and titles in Urdu. Anything not given here is drawn like any other case.
 */
export type SpecialCase = {
  org: string;
  registrar?: Registrar;
  forum: Forum;
  matter: Omit<Matter, "subjects" | "w" | "forums">;
  bench?: string;
  number?: number;
  year?: number;
  filedOn?: string;
  title?: string;
  subject?: string;
  petitioners?: string[];
  respondents?: { name: string; short: string; org: string | null }[];
  amount?: string | null;
  confidential?: boolean;
  grantAccess?: string[];
  fixed?: { status?: "pending"; stage?: Stage; assign?: boolean; officer?: string };
  group?: { name: string; kind: LinkKind };
};

const IHC_WP: Forum = { court: "IHC", type: "WP", w: 1 };
const person = { category: "constitutional", petitioner: "person", respondents: [0] } as const;
const fed = (division: string, org: string) => ({
  name: `Federation of Pakistan through Secretary, ${division}, Islamabad`,
  short: "Federation of Pakistan",
  org,
});

const superTax = (
  court: string,
  bench: string,
  number: number,
  firm: string,
  amount: string,
): SpecialCase => ({
  org: "REVENUE",
  forum: { court, type: "WP", w: 1 },
  bench,
  number,
  year: 2023,
  filedOn: court === "IHC" ? "2023-07-12" : court === "LHC" ? "2023-07-19" : "2023-08-02",
  subject:
    "Vires of the super tax on high earning persons under section 4C of the Income Tax Ordinance 2001 (tax year 2023)",
  matter: { category: "constitutional", petitioner: "company", respondents: [1, 0], constitutional: 1 },
  petitioners: [firm],
  amount,
  fixed: { status: "pending", stage: court === "IHC" ? "reserved" : "arguments", assign: true },
  group: { name: "super-tax-4c", kind: "same_issue_as" },
});

const csbBatch = (number: number, name: string): SpecialCase => ({
  org: "ESTABLISHMENT",
  forum: IHC_WP,
  number,
  year: 2024,
  filedOn: "2024-04-22",
  subject: "Supersession in promotion to BS-20 by the Central Selection Board meeting of March 2024",
  matter: { category: "service", petitioner: "employee", respondents: [0, 1] },
  petitioners: [name],
  fixed: { status: "pending", stage: "arguments", assign: true },
  group: { name: "csb-2024", kind: "connected_with" },
});

export const SPECIAL_CASES: readonly SpecialCase[] = [
  {
    org: "INTERIOR",
    registrar: "focal.interior",
    forum: IHC_WP,
    number: 1234,
    year: 2025,
    filedOn: "2025-03-11",
    subject:
      "Removal of the petitioner's name from the Exit Control List under the Exit from Pakistan (Control) Ordinance 1981",
    matter: person,
    petitioners: ["Shahid Mehmood Abbasi"],
    respondents: [
      fed("Ministry of Interior", "INTERIOR"),
      { name: "Director General, Immigration and Passports, Islamabad", short: "DG I&P", org: "INTERIOR" },
      { name: "Director General, Federal Investigation Agency, Islamabad", short: "FIA", org: "FIA" },
    ],
    fixed: { status: "pending", stage: "arguments", assign: true },
  },
  {
    org: "DEFENCE",
    forum: { court: "LHC", type: "WP", w: 1 },
    bench: "RWP",
    year: 2019,
    subject: "Compensation for land acquired for cantonment expansion under the Land Acquisition Act 1894",
    matter: { category: "land", petitioner: "person", respondents: [0] },
    petitioners: ["Muhammad Ather"],
    respondents: [
      {
        name: "Ministry of Defence through its Secretary, Rawalpindi",
        short: "Ministry of Defence",
        org: "DEFENCE",
      },
      { name: "Military Estates Officer, Rawalpindi Circle", short: "MEO", org: "DEFENCE" },
      {
        name: "Director General, Military Lands and Cantonments, Rawalpindi",
        short: "DG ML&C",
        org: "DEFENCE",
      },
      {
        name: "Cantonment Board Rawalpindi through its Chief Executive Officer",
        short: "Cantonment Board",
        org: "DEFENCE",
      },
    ],
    amount: "48500000",
    fixed: { status: "pending", stage: "arguments", assign: true },
  },
  {
    org: "REVENUE",
    forum: IHC_WP,
    year: 2023,
    subject: "Recovery of sales tax under section 11 of the Sales Tax Act 1990",
    matter: { category: "tax", petitioner: "company", respondents: [0], taxRecovery: 1 },
    petitioners: ["M/s Al-Noor Textiles"],
    respondents: [{ name: "Federal Board of Revenue", short: "Federal Board of Revenue", org: "FBR" }],
    amount: "487650000",
    fixed: { status: "pending", stage: "reply_due", assign: true },
  },
  // Confidential matters: named people only (the registrar, the Solicitor, the Interior nodal officer).
  {
    org: "INTERIOR",
    registrar: "focal.interior",
    forum: IHC_WP,
    year: 2024,
    subject: "Detention pending deportation of a foreign national under the Foreigners Act 1946",
    matter: person,
    respondents: [
      fed("Ministry of Interior", "INTERIOR"),
      { name: "Director General, Federal Investigation Agency, Islamabad", short: "FIA", org: "FIA" },
    ],
    confidential: true,
    grantAccess: ["solicitor", "nodal.interior"],
    fixed: { status: "pending", stage: "reply_due", assign: true, officer: "officer.agp1" },
  },
  {
    org: "INTERIOR",
    registrar: "focal.interior",
    forum: IHC_WP,
    year: 2025,
    subject: "Inclusion of the petitioner's name in the Fourth Schedule of the Anti-Terrorism Act 1997",
    matter: person,
    respondents: [
      fed("Ministry of Interior", "INTERIOR"),
      {
        name: "National Counter Terrorism Authority through its National Coordinator",
        short: "NACTA",
        org: "NACTA",
      },
    ],
    confidential: true,
    grantAccess: ["solicitor", "nodal.interior"],
    fixed: { status: "pending", stage: "notice", assign: true, officer: "officer.agp1" },
  },
  {
    org: "DEFENCE",
    forum: IHC_WP,
    year: 2023,
    subject: "Termination of a supply contract for secure communication equipment",
    matter: {
      category: "contract",
      petitioner: "company",
      respondents: [0],
      firms: ["Technologies", "Communications"],
    },
    respondents: [
      {
        name: "Ministry of Defence through its Secretary, Rawalpindi",
        short: "Ministry of Defence",
        org: "DEFENCE",
      },
    ],
    amount: "1275000000",
    confidential: true,
    fixed: { status: "pending", stage: "arguments", assign: true, officer: "officer.agp1" },
  },
  {
    org: "DEFENCE",
    forum: { court: "FST", type: "SA", w: 1 },
    year: 2022,
    subject: "Dismissal of a civilian employee of a sensitive establishment on security grounds",
    matter: { category: "service", petitioner: "employee", respondents: [0] },
    respondents: [
      {
        name: "Ministry of Defence through its Secretary, Rawalpindi",
        short: "Ministry of Defence",
        org: "DEFENCE",
      },
    ],
    confidential: true,
    fixed: { status: "pending", stage: "arguments", assign: true, officer: "officer.agp4" },
  },
  superTax("IHC", "ISB", 2987, "M/s Margalla Cement Ltd.", "2340000000"),
  superTax("LHC", "LHR", 41_207, "M/s Chenab Sugar Mills Ltd.", "1185000000"),
  superTax("SHC", "KHI", 4415, "M/s Mehran Steel Re-Rolling Mills (Pvt.) Ltd.", "962500000"),
  csbBatch(1871, "Syed Ali Raza Bukhari, Joint Secretary (BS-20)"),
  csbBatch(1872, "Dr. Sadia Tareen, Joint Secretary (BS-20)"),
  csbBatch(1873, "Muhammad Nawaz Marwat, Director General (BS-20)"),
  // The Supreme Court's other registers: a civil appeal after leave was granted, and a review petition.
  {
    org: "ESTABLISHMENT",
    forum: { court: "SC", type: "CA", w: 1, gov: true },
    year: 2021,
    subject: "Seniority of officers inducted into the Office Management Group",
    matter: { category: "service", petitioner: "employees", respondents: [0, 1] },
  },
  {
    org: "REVENUE",
    forum: { court: "SC", type: "RP", w: 1, gov: true },
    year: 2024,
    subject: "Super tax under section 4B of the Income Tax Ordinance 2001 for tax year 2015",
    matter: { category: "tax", petitioner: "company", respondents: [0, 1] },
    petitioners: ["M/s Karakoram Cement Ltd."],
    amount: "3850000000",
    fixed: { status: "pending", stage: "arguments", assign: true },
  },
  // Titles in Urdu, as many petitions in the provinces are drafted.
  {
    org: "INTERIOR",
    registrar: "focal.interior",
    forum: { court: "PHC", type: "WP", w: 1 },
    bench: "PSH",
    title: "محمد اسلم بنام وفاق پاکستان",
    subject: "پاسپورٹ کی بلیک لسٹ سے اخراج",
    matter: person,
    petitioners: ["محمد اسلم"],
    respondents: [
      { name: "وفاق پاکستان بذریعہ سیکرٹری وزارت داخلہ، اسلام آباد", short: "وفاق پاکستان", org: "INTERIOR" },
    ],
  },
  {
    org: "ESTABLISHMENT",
    forum: { court: "FST", type: "SA", w: 1 },
    title: "نسرین بی بی بنام وفاق پاکستان وغیرہ",
    subject: "فیملی پنشن کی ادائیگی",
    matter: { category: "service", petitioner: "employee", respondents: [0] },
    petitioners: ["نسرین بی بی"],
    respondents: [
      {
        name: "وفاق پاکستان بذریعہ سیکرٹری اسٹیبلشمنٹ ڈویژن، اسلام آباد",
        short: "وفاق پاکستان",
        org: "ESTABLISHMENT",
      },
      { name: "اکاؤنٹنٹ جنرل پاکستان ریونیوز، اسلام آباد", short: "اے جی پی آر", org: "FINANCE" },
    ],
  },
  {
    org: "RAILWAYS",
    forum: { court: "LHC", type: "WP", w: 1 },
    bench: "MUL",
    title: "غلام رسول بنام پاکستان ریلوے وغیرہ",
    subject: "ریٹائرمنٹ کے بعد پنشن کی بحالی",
    matter: { category: "service", petitioner: "employee", respondents: [0] },
    petitioners: ["غلام رسول"],
    respondents: [
      { name: "پاکستان ریلوے بذریعہ چیف ایگزیکٹو آفیسر، لاہور", short: "پاکستان ریلوے", org: "RAILWAYS" },
      { name: "ڈویژنل سپرنٹنڈنٹ، پاکستان ریلوے، ملتان", short: "ڈویژنل سپرنٹنڈنٹ", org: "RAILWAYS" },
    ],
  },
  {
    org: "EDUCATION",
    forum: IHC_WP,
    title: "عبدالرشید بنام وفاقی نظامت تعلیمات وغیرہ",
    subject: "کنٹریکٹ اساتذہ کی مستقلی",
    matter: { category: "service", petitioner: "employees", respondents: [0] },
    petitioners: ["عبدالرشید", "زاہدہ پروین", "شفیق احمد"],
    respondents: [
      {
        name: "وفاقی نظامت تعلیمات بذریعہ ڈائریکٹر جنرل، اسلام آباد",
        short: "وفاقی نظامت تعلیمات",
        org: "EDUCATION",
      },
      {
        name: "وفاق پاکستان بذریعہ سیکرٹری وزارت وفاقی تعلیم و پیشہ ورانہ تربیت، اسلام آباد",
        short: "وفاق پاکستان",
        org: "EDUCATION",
      },
    ],
  },
  {
    org: "COMMUNICATIONS",
    forum: { court: "PHC", type: "WP", w: 1 },
    bench: "ATD",
    title: "شفیق احمد بنام نیشنل ہائی وے اتھارٹی وغیرہ",
    subject: "ہزارہ موٹروے کے لیے حاصل کی گئی زمین کا معاوضہ",
    matter: { category: "land", petitioner: "persons", respondents: [0] },
    petitioners: ["شفیق احمد", "غلام حیدر"],
    respondents: [
      {
        name: "نیشنل ہائی وے اتھارٹی بذریعہ چیئرمین، اسلام آباد",
        short: "نیشنل ہائی وے اتھارٹی",
        org: "COMMUNICATIONS",
      },
      {
        name: "لینڈ ایکوزیشن کلکٹر، نیشنل ہائی وے اتھارٹی، ایبٹ آباد",
        short: "لینڈ ایکوزیشن کلکٹر",
        org: "COMMUNICATIONS",
      },
    ],
    amount: "36000000",
  },
];
