import type { CATEGORIES } from "../../../common/case-status.ts";

/**
 * What each ministry is typically sued about, where, and who is named as respondent. The demo planner draws
 * cases from these profiles. Subjects follow the statutes and forums federal litigation actually turns on.
 */
export type Category = (typeof CATEGORIES)[number];
export type Registrar = "focal.interior" | "focal.finance" | "solicitor";

/** A court (and optionally a few of its benches) and case type; `gov` means the government files it. */
export type Forum = { court: string; type: string; w: number; benches?: readonly string[]; gov?: boolean };

/** `{city}` is replaced by the seat's city, `{disco}` by the electricity distribution company serving it. */
export type Respondent = { name: string; short: string; org: string | null };

/**
 * A subject, plain or with details: the first year it can arise in (the statute it names is that recent), the
 * posts of the civil servants who bring it, and whether it is an individual grievance (one petitioner).
 */
export type Subject = string | { text: string; since?: number; posts?: readonly string[]; single?: boolean };

export type Matter = {
  category: Category;
  w: number;
  subjects: readonly Subject[];
  /** What kind of business the firms suing in this matter are in ("Power", "Construction Company"…). */
  firms?: readonly string[];
  forums: readonly Forum[];
  petitioner: "person" | "persons" | "company" | "employee" | "employees";
  /** Indices into the profile's pool: the first is the lead respondent, the rest are added at random. */
  respondents: readonly number[];
  amount?: readonly [number, number];
  amountChance?: number;
  taxRecovery?: number;
  constitutional?: number;
};

export type Profile = {
  org: string;
  count: number;
  registrar: Registrar;
  /** Named as respondent in contempt petitions. */
  secretary: string;
  pool: readonly Respondent[];
  matters: readonly Matter[];
};

const f = (court: string, type: string, w: number, benches?: readonly string[], gov?: boolean): Forum => ({
  court,
  type,
  w,
  ...(benches ? { benches } : {}),
  ...(gov ? { gov } : {}),
});

const HC_WP: readonly Forum[] = [
  f("IHC", "WP", 4),
  f("LHC", "WP", 3, ["LHR", "LHR", "RWP", "MUL", "BWP"]),
  f("SHC", "WP", 2, ["KHI", "KHI", "HYD", "SUK"]),
  f("PHC", "WP", 1.5, ["PSH", "PSH", "ATD", "DIK"]),
  f("BHC", "WP", 0.8, ["QTA"]),
];
const SC_CPLA_GOV = f("SC", "CPLA", 1, undefined, true);
const TAX_HC = [f("IHC", "WP", 3), f("LHC", "WP", 2.5, ["LHR", "LHR", "MUL"]), f("SHC", "WP", 3, ["KHI"])];
const TAX_REF_GOV = [
  f("IHC", "TR", 0.8, undefined, true),
  f("LHC", "TR", 0.8, ["LHR"], true),
  f("SHC", "TR", 0.8, ["KHI"], true),
];

const federation = (division: string, org: string): Respondent => ({
  name: `Federation of Pakistan through Secretary, ${division}, Islamabad`,
  short: "Federation of Pakistan",
  org,
});

export const PROFILES: readonly Profile[] = [
  {
    org: "INTERIOR",
    count: 40,
    registrar: "focal.interior",
    secretary: "Secretary, Ministry of Interior, Islamabad",
    pool: [
      federation("Ministry of Interior", "INTERIOR"),
      {
        name: "Director General, Federal Investigation Agency, Islamabad",
        short: "Federal Investigation Agency",
        org: "FIA",
      },
      {
        name: "Director General, Immigration and Passports, Islamabad",
        short: "Director General, Immigration and Passports",
        org: "INTERIOR",
      },
      {
        name: "Chairman, National Database and Registration Authority, Islamabad",
        short: "National Database and Registration Authority",
        org: "INTERIOR",
      },
      {
        name: "Chief Commissioner, Islamabad Capital Territory",
        short: "Chief Commissioner, Islamabad",
        org: "INTERIOR",
      },
      {
        name: "Inspector General of Police, Islamabad",
        short: "Inspector General of Police, Islamabad",
        org: "INTERIOR",
      },
    ],
    matters: [
      {
        category: "constitutional",
        w: 5,
        subjects: [
          "Removal of the petitioner's name from the Exit Control List under the Exit from Pakistan (Control) Ordinance 1981",
          "Blacklisting of the petitioner's passport and its restoration",
          "Blocking of the petitioner's CNIC by NADRA on suspicion of alien status",
          "Refusal of a Pakistan Origin Card to the petitioner's foreign spouse",
          "Grant of citizenship under section 10 of the Pakistan Citizenship Act 1951",
          "Inclusion of the petitioner's name in the Provisional National Identification List",
          "Cancellation of a prohibited-bore arms licence",
        ],
        forums: HC_WP,
        petitioner: "person",
        respondents: [0, 2, 3, 1],
      },
      {
        category: "criminal",
        w: 2,
        subjects: [
          {
            text: "Quashment of FIR registered by the FIA Cyber Crime Wing under sections 20 and 24 of PECA 2016",
            since: 2017,
          },
          "Quashment of an inquiry by the FIA Anti-Corruption Circle",
          "Transfer of investigation from the FIA to the provincial police",
          "Return of a passport impounded during an FIA inquiry",
        ],
        forums: [...HC_WP, f("SC", "CRLPLA", 0.8, undefined, true)],
        petitioner: "person",
        respondents: [1, 0],
      },
      {
        category: "service",
        w: 3,
        subjects: [
          {
            text: "Seniority of Inspectors in the Islamabad Capital Territory Police",
            posts: ["Inspector (BS-16)"],
          },
          {
            text: "Promotion of Assistant Directors (BS-17) in the FIA",
            posts: ["Assistant Director (BS-17)"],
          },
          {
            text: "Regularisation of contract employees of NADRA",
            posts: ["Data Entry Operator (contract)", "Assistant (contract)", "Naib Qasid (contract)"],
          },
          {
            text: "Pension of retired Frontier Constabulary personnel",
            posts: ["retired Head Constable", "retired Constable", "retired Sub-Inspector"],
          },
          {
            text: "Removal from service after departmental proceedings",
            posts: ["Constable (BS-07)", "Assistant Sub-Inspector (BS-09)", "Upper Division Clerk (BS-11)"],
            single: true,
          },
        ],
        forums: [f("FST", "SA", 3), f("IHC", "WP", 1), SC_CPLA_GOV],
        petitioner: "employee",
        respondents: [0, 4, 5, 1],
      },
      {
        category: "constitutional",
        w: 0.7,
        subjects: [
          "Vires of section 11EE of the Anti-Terrorism Act 1997 (Fourth Schedule)",
          { text: "Vires of the Prevention of Electronic Crimes (Amendment) Act 2025", since: 2025 },
        ],
        forums: [f("IHC", "WP", 2), f("LHC", "WP", 1, ["LHR"]), f("SC", "CONSTP", 1)],
        petitioner: "person",
        respondents: [0, 1],
        constitutional: 1,
      },
    ],
  },
  {
    org: "FINANCE",
    count: 28,
    registrar: "focal.finance",
    secretary: "Secretary, Finance Division, Islamabad",
    pool: [
      federation("Finance Division", "FINANCE"),
      { name: "Accountant General Pakistan Revenues, Islamabad", short: "AGPR", org: "FINANCE" },
      {
        name: "Controller General of Accounts, Islamabad",
        short: "Controller General of Accounts",
        org: "FINANCE",
      },
      {
        name: "Secretary, Establishment Division, Islamabad",
        short: "Establishment Division",
        org: "ESTABLISHMENT",
      },
    ],
    matters: [
      {
        category: "service",
        w: 5,
        subjects: [
          {
            text: "Revision of pension under the Finance Division's office memorandum on pension increase",
            posts: ["retired Accounts Officer", "retired Assistant", "retired Superintendent"],
          },
          {
            text: "Grant of the Disparity Reduction Allowance 2022",
            since: 2022,
            posts: ["Assistant (BS-16)", "Upper Division Clerk (BS-11)", "Stenotypist (BS-14)"],
          },
          { text: "Upgradation of the posts of Accounts Officers", posts: ["Accounts Officer (BS-17)"] },
          {
            text: "Encashment of leave preparatory to retirement",
            posts: ["retired Superintendent", "retired Deputy Director", "retired Section Officer"],
          },
          {
            text: "Special additional pension to retired employees",
            posts: ["retired Assistant", "retired Upper Division Clerk", "retired Naib Qasid"],
          },
          {
            text: "Release of General Provident Fund balance",
            posts: ["retired Assistant", "retired Upper Division Clerk"],
            single: true,
          },
        ],
        forums: [f("IHC", "WP", 3), f("LHC", "WP", 1, ["LHR", "RWP"]), f("FST", "SA", 2), SC_CPLA_GOV],
        petitioner: "employees",
        respondents: [0, 1, 2, 3],
      },
      {
        category: "contract",
        w: 2,
        subjects: [
          "Release of payment for supplies under a Finance Division contract",
          "Termination of a consultancy contract for the public financial management reform programme",
          "Recovery of outstanding bills for printing services",
        ],
        forums: [f("IHC", "WP", 2), f("SHC", "SUIT", 1, ["KHI"]), f("DSC-ISB", "SUIT", 1)],
        petitioner: "company",
        firms: ["Printing Press", "Consultants", "Technologies", "Traders"],
        respondents: [0, 1],
        amount: [5e6, 2e9],
        amountChance: 1,
      },
      {
        category: "constitutional",
        w: 1,
        subjects: [
          { text: "Vires of the petroleum levy imposed by the Finance Act 2024", since: 2024 },
          "Vires of the withholding of salaries under the austerity measures",
        ],
        forums: [f("IHC", "WP", 2), f("SC", "CONSTP", 1)],
        petitioner: "person",
        respondents: [0],
        constitutional: 1,
      },
    ],
  },
  {
    org: "REVENUE",
    count: 36,
    registrar: "solicitor",
    secretary: "Chairman, Federal Board of Revenue, Islamabad",
    pool: [
      {
        name: "Federal Board of Revenue through its Chairman, Islamabad",
        short: "Federal Board of Revenue",
        org: "FBR",
      },
      federation("Revenue Division", "REVENUE"),
      { name: "Commissioner Inland Revenue, {city}", short: "Commissioner Inland Revenue", org: "FBR" },
      {
        name: "Chief Commissioner Inland Revenue, Regional Tax Office, {city}",
        short: "Chief Commissioner Inland Revenue",
        org: "FBR",
      },
      { name: "Collector of Customs (Appraisement), {city}", short: "Collector of Customs", org: "FBR" },
    ],
    matters: [
      {
        category: "tax",
        w: 5,
        subjects: [
          "Recovery of sales tax under section 11 of the Sales Tax Act 1990",
          "Attachment of bank accounts for recovery under section 140 of the Income Tax Ordinance 2001",
          "Recovery of federal excise duty on services",
          "Show-cause notice on inadmissible input tax adjustment",
        ],
        forums: [...TAX_HC, ...TAX_REF_GOV, f("ATIR", "ITA", 2), f("ATIR", "STA", 1), SC_CPLA_GOV],
        petitioner: "company",
        respondents: [2, 0, 3],
        amount: [1e6, 5e9],
        amountChance: 1,
        taxRecovery: 1,
      },
      {
        category: "tax",
        w: 4,
        subjects: [
          "Amended assessment under section 122(5A) of the Income Tax Ordinance 2001",
          "Minimum tax on turnover under section 113 of the Income Tax Ordinance 2001",
          "Withholding tax on profit on debt under section 151 of the Income Tax Ordinance 2001",
          "Refund of sales tax withheld on zero-rated exports",
          "Selection for audit under section 177 of the Income Tax Ordinance 2001",
        ],
        forums: [...TAX_HC, ...TAX_REF_GOV, f("ATIR", "ITA", 2), SC_CPLA_GOV],
        petitioner: "company",
        respondents: [2, 0, 3],
        amount: [5e5, 2e9],
        amountChance: 0.9,
        taxRecovery: 0.15,
      },
      {
        category: "customs",
        w: 2,
        subjects: [
          "Customs valuation ruling under section 25A of the Customs Act 1969",
          "Confiscation of an imported vehicle as non-duty-paid",
          "Release of goods detained at Port Qasim",
        ],
        forums: [f("SHC", "WP", 3, ["KHI"]), f("IHC", "WP", 1), f("LHC", "WP", 1, ["LHR"]), SC_CPLA_GOV],
        petitioner: "company",
        firms: ["Traders", "Motors", "Steel Re-Rolling Mills", "Chemicals", "Enterprises"],
        respondents: [4, 0],
        amount: [1e6, 3e8],
        amountChance: 0.8,
      },
      {
        category: "constitutional",
        w: 0.6,
        subjects: ["Vires of sales tax on services in the Islamabad Capital Territory"],
        forums: [f("IHC", "WP", 1)],
        petitioner: "company",
        firms: ["Logistics", "Consultants", "Technologies", "Builders and Developers"],
        respondents: [1, 0],
        constitutional: 1,
      },
    ],
  },
  {
    org: "DEFENCE",
    count: 22,
    registrar: "solicitor",
    secretary: "Secretary, Ministry of Defence, Rawalpindi",
    pool: [
      {
        name: "Ministry of Defence through its Secretary, Rawalpindi",
        short: "Ministry of Defence",
        org: "DEFENCE",
      },
      { name: "Military Estates Officer, {city} Circle", short: "Military Estates Officer", org: "DEFENCE" },
      {
        name: "Director General, Military Lands and Cantonments, Rawalpindi",
        short: "DG Military Lands and Cantonments",
        org: "DEFENCE",
      },
      {
        name: "Cantonment Board {city} through its Chief Executive Officer",
        short: "Cantonment Board",
        org: "DEFENCE",
      },
      { name: "Land Acquisition Collector, {city}", short: "Land Acquisition Collector", org: null },
    ],
    matters: [
      {
        category: "land",
        w: 5,
        subjects: [
          "Compensation for land acquired for cantonment expansion under the Land Acquisition Act 1894",
          "Enhancement of compensation on a reference under section 18 of the Land Acquisition Act 1894",
          "Resumption of old-grant land in the cantonment",
          "Demolition of construction on A-1 land in the cantonment",
        ],
        forums: [
          f("LHC", "WP", 3, ["RWP", "RWP", "LHR", "MUL"]),
          f("LHC", "RFA", 2, ["RWP", "LHR"], true),
          f("PHC", "WP", 1, ["PSH"]),
          f("SHC", "WP", 1, ["KHI"]),
          SC_CPLA_GOV,
        ],
        petitioner: "persons",
        respondents: [0, 1, 2, 3, 4],
        amount: [2e6, 6e8],
        amountChance: 0.8,
      },
      {
        category: "service",
        w: 2,
        subjects: [
          {
            text: "Pension of civilian employees paid from Defence Estimates",
            posts: ["retired Storekeeper", "retired Draftsman", "retired Lower Division Clerk"],
          },
          {
            text: "Seniority of civilian staff of the Military Engineer Services",
            posts: ["Sub-Engineer (BS-11)", "Assistant Engineer (BS-17)"],
          },
          { text: "Upgradation of the posts of civilian storekeepers", posts: ["Storekeeper (BS-07)"] },
        ],
        forums: [f("FST", "SA", 3), f("IHC", "WP", 1)],
        petitioner: "employee",
        respondents: [0, 2],
      },
      {
        category: "contract",
        w: 1,
        subjects: [
          "Payment for construction works executed for the Military Engineer Services",
          "Termination of a supply contract for ration items",
        ],
        forums: [f("IHC", "WP", 1), f("LHC", "WP", 1, ["RWP"])],
        petitioner: "company",
        firms: ["Engineering Works", "Construction Company", "Technologies", "Traders"],
        respondents: [0],
        amount: [1e7, 9e8],
        amountChance: 1,
      },
    ],
  },
  {
    org: "ESTABLISHMENT",
    count: 26,
    registrar: "solicitor",
    secretary: "Secretary, Establishment Division, Islamabad",
    pool: [
      federation("Establishment Division", "ESTABLISHMENT"),
      {
        name: "Secretary, Central Selection Board, Establishment Division, Islamabad",
        short: "Central Selection Board",
        org: "ESTABLISHMENT",
      },
      {
        name: "Federal Public Service Commission through its Secretary, Islamabad",
        short: "Federal Public Service Commission",
        org: null,
      },
      { name: "Secretary, Cabinet Division, Islamabad", short: "Cabinet Division", org: "CABINET" },
      { name: "Secretary, Finance Division, Islamabad", short: "Finance Division", org: "FINANCE" },
    ],
    matters: [
      {
        category: "service",
        w: 8,
        subjects: [
          {
            text: "Seniority under the Civil Servants (Seniority) Rules 1993",
            posts: ["Section Officer (BS-17)", "Deputy Secretary (BS-19)", "Assistant Director (BS-17)"],
          },
          {
            text: "Promotion to BS-21 by the Central Selection Board",
            posts: ["Joint Secretary (BS-20)"],
            single: true,
          },
          {
            text: "Deferment of promotion to BS-20 by the Central Selection Board",
            posts: ["Deputy Secretary (BS-19)", "Director (BS-19)"],
            single: true,
          },
          {
            text: "Repatriation from deputation before the end of the tenure",
            posts: ["Deputy Director (BS-18)", "Director (BS-19)"],
            single: true,
          },
          {
            text: "Regularisation of ad hoc appointment",
            posts: ["Assistant (BS-16)", "Stenotypist (BS-14)", "Lecturer (BS-17)"],
          },
          {
            text: "Compulsory retirement under the Civil Servants (Efficiency and Discipline) Rules 2020",
            since: 2020,
            posts: ["Superintendent (BS-17)", "Deputy Secretary (BS-19)", "Assistant (BS-16)"],
            single: true,
          },
          {
            text: "Pay protection on absorption from an autonomous body",
            posts: ["Section Officer (BS-17)", "Deputy Director (BS-18)"],
          },
          {
            text: "Allocation of occupational group after the CSS examination",
            posts: ["probationer (BS-17)"],
            single: true,
          },
          {
            text: "Premature transfer of a BS-19 officer",
            posts: ["Deputy Secretary (BS-19)", "Director (BS-19)"],
            single: true,
          },
        ],
        forums: [f("FST", "SA", 5), f("IHC", "WP", 3), SC_CPLA_GOV, f("SC", "CA", 0.5, undefined, true)],
        petitioner: "employee",
        respondents: [0, 1, 2, 3, 4],
      },
      {
        category: "constitutional",
        w: 0.8,
        subjects: [
          {
            text: "Vires of the Civil Servants (Promotion to BS-18 to BS-21) Rules 2019",
            since: 2019,
            posts: ["Director (BS-19)", "Joint Secretary (BS-20)"],
          },
        ],
        forums: [f("IHC", "WP", 1)],
        petitioner: "employees",
        respondents: [0, 1],
        constitutional: 1,
      },
    ],
  },
  {
    org: "POWER",
    count: 18,
    registrar: "solicitor",
    secretary: "Secretary, Power Division, Islamabad",
    pool: [
      federation("Power Division", "POWER"),
      {
        name: "National Electric Power Regulatory Authority through its Chairman",
        short: "NEPRA",
        org: null,
      },
      { name: "{disco} through its Chief Executive Officer", short: "{disco}", org: null },
      { name: "Central Power Purchasing Agency (Guarantee) Limited", short: "CPPA-G", org: null },
    ],
    matters: [
      {
        category: "contract",
        w: 3,
        subjects: [
          "Capacity payments under a power purchase agreement",
          "Late payment surcharge on delayed payments under a power purchase agreement",
          "Tariff determination for a solar power project",
        ],
        forums: [f("IHC", "WP", 2), f("SHC", "SUIT", 1, ["KHI"]), SC_CPLA_GOV],
        petitioner: "company",
        firms: ["Power", "Energy", "Hydro Power", "Solar Power"],
        respondents: [0, 3, 1],
        amount: [5e7, 9e9],
        amountChance: 1,
      },
      {
        category: "other",
        w: 3,
        subjects: [
          "Fuel charges adjustment levied in electricity bills",
          "Detection bill charged by the distribution company",
          "Quarterly tariff adjustment in electricity bills",
        ],
        forums: [
          f("LHC", "WP", 3, ["LHR", "MUL", "BWP"]),
          f("PHC", "WP", 1, ["PSH", "DIK"]),
          f("IHC", "WP", 1),
        ],
        petitioner: "persons",
        respondents: [2, 0, 1],
        constitutional: 0.2,
      },
      {
        category: "service",
        w: 1.5,
        subjects: [
          {
            text: "Regularisation of contract linemen",
            posts: ["Lineman (contract)", "Assistant Lineman (contract)"],
          },
          {
            text: "Pension of retired WAPDA employees",
            posts: ["retired Line Superintendent", "retired Junior Engineer", "retired Meter Reader"],
          },
        ],
        forums: [f("LHC", "WP", 2, ["LHR", "MUL"]), f("PHC", "WP", 1, ["PSH"])],
        petitioner: "employees",
        respondents: [2, 0],
      },
    ],
  },
  {
    org: "RAILWAYS",
    count: 16,
    registrar: "solicitor",
    secretary: "Secretary, Ministry of Railways, Islamabad",
    pool: [
      {
        name: "Pakistan Railways through its Chief Executive Officer, Lahore",
        short: "Pakistan Railways",
        org: "RAILWAYS",
      },
      {
        name: "Divisional Superintendent, Pakistan Railways, {city}",
        short: "Divisional Superintendent",
        org: "RAILWAYS",
      },
      federation("Ministry of Railways", "RAILWAYS"),
      {
        name: "Chief Engineer (Estates), Pakistan Railways, Lahore",
        short: "Chief Engineer (Estates)",
        org: "RAILWAYS",
      },
    ],
    matters: [
      {
        category: "land",
        w: 4,
        subjects: [
          "Eviction from railway land",
          "Renewal of a commercial lease of railway land",
          "Removal of encroachments along the railway track",
        ],
        forums: [
          f("LHC", "WP", 3, ["LHR", "MUL", "BWP"]),
          f("SHC", "WP", 1, ["KHI", "SUK"]),
          f("LHC", "RSA", 1, ["LHR"], true),
          SC_CPLA_GOV,
        ],
        petitioner: "person",
        respondents: [0, 1, 3],
        amount: [1e6, 2e8],
        amountChance: 0.4,
      },
      {
        category: "service",
        w: 3,
        subjects: [
          {
            text: "Pension of retired railway employees",
            posts: ["retired Guard", "retired Station Master", "retired Khalasi"],
          },
          {
            text: "Promotion of Station Masters",
            posts: ["Assistant Station Master (BS-11)", "Station Master (BS-14)"],
          },
          { text: "Regularisation of daily-wage gangmen", posts: ["Gangman (daily wages)"] },
        ],
        forums: [f("FST", "SA", 3), f("LHC", "WP", 1, ["LHR"])],
        petitioner: "employee",
        respondents: [0, 2, 1],
      },
      {
        category: "contract",
        w: 1,
        subjects: [
          "Termination of a locomotive maintenance contract",
          "Cancellation of an on-board catering contract",
        ],
        forums: [f("IHC", "WP", 1), f("LHC", "WP", 1, ["LHR"])],
        petitioner: "company",
        firms: ["Engineering Works", "Catering Services", "Rail Services"],
        respondents: [0, 2],
        amount: [1e7, 1e9],
        amountChance: 1,
      },
    ],
  },
  {
    org: "COMMUNICATIONS",
    count: 16,
    registrar: "solicitor",
    secretary: "Secretary, Ministry of Communications, Islamabad",
    pool: [
      {
        name: "National Highway Authority through its Chairman, Islamabad",
        short: "National Highway Authority",
        org: "COMMUNICATIONS",
      },
      federation("Ministry of Communications", "COMMUNICATIONS"),
      {
        name: "Land Acquisition Collector, National Highway Authority, {city}",
        short: "Land Acquisition Collector, NHA",
        org: "COMMUNICATIONS",
      },
      {
        name: "General Manager (Land), National Highway Authority",
        short: "General Manager (Land), NHA",
        org: "COMMUNICATIONS",
      },
    ],
    matters: [
      {
        category: "land",
        w: 5,
        subjects: [
          { text: "Compensation for land acquired for the Lahore–Sialkot Motorway", since: 2016 },
          { text: "Compensation for land acquired for the Hyderabad–Sukkur Motorway (M-6)", since: 2022 },
          "Compensation for land acquired for widening the N-25 (Karachi–Chaman)",
          { text: "Compensation for land acquired for the Hazara Motorway (E-35)", since: 2015 },
          "Payment of the 15 per cent compulsory acquisition charge",
        ],
        forums: [
          f("LHC", "WP", 2, ["LHR", "RWP", "MUL"]),
          f("SHC", "WP", 1.5, ["HYD", "SUK"]),
          f("PHC", "WP", 1.5, ["ATD", "PSH"]),
          f("BHC", "WP", 1, ["QTA"]),
          f("LHC", "RFA", 1, ["LHR", "RWP"], true),
        ],
        petitioner: "persons",
        respondents: [0, 2, 3, 1],
        amount: [2e6, 8e8],
        amountChance: 0.9,
      },
      {
        category: "contract",
        w: 3,
        subjects: [
          "Termination of a toll plaza operation contract",
          "Escalation claims under a road construction contract",
          "Blacklisting of a contractor by the National Highway Authority",
          "Encashment of a performance guarantee",
        ],
        forums: [f("IHC", "WP", 3), SC_CPLA_GOV],
        petitioner: "company",
        firms: ["Construction Company", "Builders and Developers", "Engineering Works", "Infrastructure"],
        respondents: [0, 1],
        amount: [1e7, 5e9],
        amountChance: 1,
      },
    ],
  },
  {
    org: "HOUSING",
    count: 16,
    registrar: "solicitor",
    secretary: "Secretary, Ministry of Housing and Works, Islamabad",
    pool: [
      federation("Ministry of Housing and Works", "HOUSING"),
      { name: "Director General, Estate Office, Islamabad", short: "Estate Office", org: "HOUSING" },
      {
        name: "Federal Government Employees Housing Authority through its Director General, Islamabad",
        short: "Federal Government Employees Housing Authority",
        org: "HOUSING",
      },
      {
        name: "Director General, Pakistan Public Works Department, Islamabad",
        short: "Pakistan Public Works Department",
        org: "HOUSING",
      },
    ],
    matters: [
      {
        category: "other",
        w: 4,
        subjects: [
          {
            text: "Allotment of government accommodation under the Accommodation Allocation Rules 2002",
            posts: ["Section Officer (BS-17)", "Assistant (BS-16)", "Deputy Secretary (BS-19)"],
            single: true,
          },
          {
            text: "Eviction from government accommodation after retirement",
            posts: ["retired Superintendent", "retired Deputy Secretary"],
            single: true,
          },
          {
            text: "Change of category of allotted accommodation",
            posts: ["Section Officer (BS-17)", "Deputy Secretary (BS-19)"],
            single: true,
          },
        ],
        forums: [f("IHC", "WP", 3), f("SHC", "WP", 1, ["KHI"])],
        petitioner: "employee",
        respondents: [1, 0],
      },
      {
        category: "land",
        w: 3,
        subjects: [
          { text: "Cancellation of a plot in the FGEHA housing scheme", since: 2020 },
          { text: "Membership of the FGEHA housing scheme", since: 2020 },
          { text: "Compensation for land acquired for Sectors F-14 and F-15, Islamabad", since: 2020 },
        ],
        forums: [f("IHC", "WP", 3), SC_CPLA_GOV],
        petitioner: "persons",
        respondents: [2, 0],
        amount: [2e6, 2e8],
        amountChance: 0.4,
      },
      {
        category: "contract",
        w: 1,
        subjects: ["Payment for works executed under a Pak PWD contract"],
        forums: [f("IHC", "WP", 1)],
        petitioner: "company",
        firms: ["Construction Company", "Builders and Developers", "Engineering Works"],
        respondents: [3, 0],
        amount: [5e6, 5e8],
        amountChance: 1,
      },
    ],
  },
  {
    org: "EDUCATION",
    count: 14,
    registrar: "solicitor",
    secretary: "Secretary, Ministry of Federal Education and Professional Training, Islamabad",
    pool: [
      federation("Ministry of Federal Education and Professional Training", "EDUCATION"),
      {
        name: "Federal Directorate of Education through its Director General, Islamabad",
        short: "Federal Directorate of Education",
        org: "EDUCATION",
      },
      {
        name: "Higher Education Commission through its Chairman, Islamabad",
        short: "Higher Education Commission",
        org: null,
      },
      {
        name: "Federal Board of Intermediate and Secondary Education, Islamabad",
        short: "Federal Board of Intermediate and Secondary Education",
        org: "EDUCATION",
      },
    ],
    matters: [
      {
        category: "service",
        w: 5,
        subjects: [
          {
            text: "Regularisation of teachers appointed on a contract basis in Islamabad Model Colleges",
            posts: ["Lecturer (contract)", "Teacher (contract)"],
          },
          {
            text: "Upgradation of the posts of Elementary School Teachers",
            posts: ["Elementary School Teacher (BS-14)"],
          },
          {
            text: "Time-scale promotion of lecturers",
            posts: ["Lecturer (BS-17)", "Assistant Professor (BS-18)"],
          },
        ],
        forums: [f("IHC", "WP", 3), f("FST", "SA", 2)],
        petitioner: "employees",
        respondents: [1, 0],
      },
      {
        category: "other",
        w: 2,
        subjects: [
          "Equivalence of a foreign degree by the Higher Education Commission",
          "Re-totalling of an intermediate examination result",
          "Admission policy for federal colleges",
        ],
        forums: [f("IHC", "WP", 2), f("LHC", "WP", 1, ["LHR"])],
        petitioner: "person",
        respondents: [2, 0, 3],
      },
    ],
  },
  {
    org: "IT_TELECOM",
    count: 11,
    registrar: "solicitor",
    secretary: "Secretary, Ministry of Information Technology and Telecommunication, Islamabad",
    pool: [
      federation("Ministry of Information Technology and Telecommunication", "IT_TELECOM"),
      {
        name: "Pakistan Telecommunication Authority through its Chairman, Islamabad",
        short: "Pakistan Telecommunication Authority",
        org: "IT_TELECOM",
      },
      {
        name: "Frequency Allocation Board, Islamabad",
        short: "Frequency Allocation Board",
        org: "IT_TELECOM",
      },
      {
        name: "Universal Service Fund Company through its Chief Executive Officer",
        short: "USF Company",
        org: "IT_TELECOM",
      },
    ],
    matters: [
      {
        category: "constitutional",
        w: 3,
        subjects: [
          {
            text: "Blocking of a social media platform by the PTA under section 37 of PECA 2016",
            since: 2017,
          },
          "Suspension of mobile internet service",
          "Blocking of a news website by the PTA",
        ],
        forums: [f("IHC", "WP", 3), f("SHC", "WP", 1, ["KHI"]), f("PHC", "WP", 0.5, ["PSH"])],
        petitioner: "person",
        respondents: [1, 0],
        constitutional: 0.4,
      },
      {
        category: "contract",
        w: 2,
        subjects: [
          { text: "Renewal fee for a cellular mobile licence", since: 2019 },
          "Universal Service Fund rural broadband contract",
        ],
        forums: [f("IHC", "WP", 2), SC_CPLA_GOV],
        petitioner: "company",
        firms: ["Telecom", "Communications", "Networks"],
        respondents: [1, 0, 2, 3],
        amount: [1e8, 9e9],
        amountChance: 1,
      },
    ],
  },
  {
    org: "COMMERCE",
    count: 12,
    registrar: "solicitor",
    secretary: "Secretary, Ministry of Commerce, Islamabad",
    pool: [
      federation("Ministry of Commerce", "COMMERCE"),
      {
        name: "National Tariff Commission through its Chairman, Islamabad",
        short: "National Tariff Commission",
        org: "COMMERCE",
      },
      {
        name: "Trade Development Authority of Pakistan through its Chief Executive, Karachi",
        short: "Trade Development Authority of Pakistan",
        org: "COMMERCE",
      },
      {
        name: "Federal Board of Revenue through its Chairman, Islamabad",
        short: "Federal Board of Revenue",
        org: "FBR",
      },
    ],
    matters: [
      {
        category: "customs",
        w: 3,
        subjects: [
          "Anti-dumping duty imposed by the National Tariff Commission",
          "Regulatory duty on imported raw material",
        ],
        forums: [f("IHC", "WP", 2), f("SHC", "WP", 1, ["KHI"]), f("LHC", "WP", 1, ["LHR"])],
        petitioner: "company",
        firms: ["Textiles", "Steel Re-Rolling Mills", "Chemicals", "Paper Mills"],
        respondents: [1, 0, 3],
        amount: [1e7, 2e9],
        amountChance: 0.8,
      },
      {
        category: "other",
        w: 2,
        subjects: [
          { text: "Export rebate under the Drawback of Local Taxes and Levies scheme", since: 2017 },
          "Withdrawal of an export facilitation scheme",
        ],
        forums: [f("IHC", "WP", 1), f("SHC", "WP", 1, ["KHI"])],
        petitioner: "company",
        firms: ["Textiles", "Rice Mills", "Surgical Instruments", "Sports Goods", "Leather Industries"],
        respondents: [0, 2, 3],
        amount: [1e6, 5e8],
        amountChance: 0.9,
      },
      {
        category: "service",
        w: 1,
        subjects: [
          {
            text: "Regularisation of TDAP employees",
            posts: ["Trade Officer (contract)", "Assistant (contract)"],
          },
        ],
        forums: [f("IHC", "WP", 1)],
        petitioner: "employees",
        respondents: [2, 0],
      },
    ],
  },
];

export const SEAT_CITY: Record<string, string> = {
  ISB: "Islamabad",
  LHR: "Lahore",
  RWP: "Rawalpindi",
  MUL: "Multan",
  BWP: "Bahawalpur",
  KHI: "Karachi",
  HYD: "Hyderabad",
  SUK: "Sukkur",
  LRK: "Larkana",
  MPK: "Mirpurkhas",
  PSH: "Peshawar",
  ATD: "Abbottabad",
  MGR: "Mingora",
  DIK: "D.I. Khan",
  BNU: "Bannu",
  QTA: "Quetta",
  SBI: "Sibi",
  TBT: "Turbat",
};

const DISCO: Record<string, string> = {
  Islamabad: "Islamabad Electric Supply Company",
  Rawalpindi: "Islamabad Electric Supply Company",
  Lahore: "Lahore Electric Supply Company",
  Multan: "Multan Electric Power Company",
  Bahawalpur: "Multan Electric Power Company",
  Peshawar: "Peshawar Electric Supply Company",
  Abbottabad: "Peshawar Electric Supply Company",
  "D.I. Khan": "Peshawar Electric Supply Company",
  Hyderabad: "Hyderabad Electric Supply Company",
  Sukkur: "Sukkur Electric Power Company",
  Karachi: "Hyderabad Electric Supply Company",
  Quetta: "Quetta Electric Supply Company",
};

export function placeRespondent(r: Respondent, city: string): Respondent {
  const fill = (s: string) =>
    s.replaceAll("{city}", city).replaceAll("{disco}", DISCO[city] ?? "Islamabad Electric Supply Company");
  return { name: fill(r.name), short: fill(r.short), org: r.org };
}

/** Case-number ranges that look like each register's (the Lahore High Court's writ numbers run high). */
export function numberRange(court: string, type: string): number {
  const key = `${court}/${type}`;
  const ranges: Record<string, number> = {
    "LHC/WP": 78_000,
    "SHC/WP": 8_900,
    "IHC/WP": 4_800,
    "PHC/WP": 6_200,
    "BHC/WP": 2_100,
    "SC/CPLA": 5_900,
    "SC/CA": 2_400,
    "SC/CRLPLA": 1_600,
    "SC/CONSTP": 120,
    "SC/RP": 700,
    "FST/SA": 3_200,
    "SHC/SUIT": 2_900,
    "DSC-ISB/SUIT": 1_800,
  };
  if (ranges[key]) return ranges[key];
  if (type === "ICA") return 900;
  if (type === "COC") return 1_500;
  if (type === "TR" || type === "RFA" || type === "RSA") return 950;
  if (court === "ATIR") return 2_600;
  return 999;
}
