import type { Role } from "../../../common/roles.ts";

/**
 * The demo's people: one account per role (DOMAIN.md §2), plus a second ministry focal person so that
 * cross-organisation scoping can be seen, six law officers of the Attorney-General's office, and two
 * self-registered users waiting for the Interior nodal officer. Names are invented.
 */
export type DemoAccount = {
  username: string;
  fullName: string;
  designation: string;
  organisation: string;
  role: Role;
  status: "active" | "pending";
  /** For law officers: the courts (and "court/bench" seats) they appear before; `senior` takes sensitive cases. */
  appearsBefore?: readonly string[];
  senior?: boolean;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: "admin",
    fullName: "Kashif Mahmood Raja",
    designation: "System Administrator, CAMS",
    organisation: "SYSADMIN",
    role: "administrator",
    status: "active",
  },
  {
    username: "solicitor",
    fullName: "Dr. Asma Rauf Siddiqui",
    designation: "Solicitor, Litigation Wing, Ministry of Law and Justice",
    organisation: "LAW",
    role: "law_ministry",
    status: "active",
  },
  {
    username: "focal.interior",
    fullName: "Muhammad Imran Khattak",
    designation: "Section Officer (Litigation), Ministry of Interior",
    organisation: "INTERIOR",
    role: "focal_person",
    status: "active",
  },
  {
    username: "nodal.interior",
    fullName: "Nadia Sarfraz Cheema",
    designation: "Joint Secretary (Legal), Ministry of Interior",
    organisation: "INTERIOR",
    role: "nodal_officer",
    status: "active",
  },
  {
    username: "focal.finance",
    fullName: "Tariq Mehmood Janjua",
    designation: "Section Officer (Litigation), Finance Division",
    organisation: "FINANCE",
    role: "focal_person",
    status: "active",
  },
  {
    username: "assigner.agp",
    fullName: "Khawaja Faisal Aziz",
    designation: "Additional Attorney-General (Case Allocation), Office of the Attorney-General for Pakistan",
    organisation: "AGP",
    role: "assigning_officer",
    status: "active",
  },
  {
    username: "officer.agp1",
    fullName: "Syed Kamran Haider Shah",
    designation: "Additional Attorney-General for Pakistan",
    organisation: "AGP",
    role: "law_officer",
    status: "active",
    appearsBefore: ["SC/ISB", "IHC", "FST"],
    senior: true,
  },
  {
    username: "officer.agp2",
    fullName: "Rabia Anwar Qureshi",
    designation: "Deputy Attorney-General for Pakistan, Lahore",
    organisation: "AGP",
    role: "law_officer",
    status: "active",
    appearsBefore: ["LHC", "SC/LHR"],
  },
  {
    username: "officer.agp3",
    fullName: "Malik Javed Iqbal Awan",
    designation: "Deputy Attorney-General for Pakistan, Karachi",
    organisation: "AGP",
    role: "law_officer",
    status: "active",
    appearsBefore: ["SHC", "SC/KHI"],
  },
  {
    username: "officer.agp4",
    fullName: "Saima Nadeem Butt",
    designation: "Assistant Attorney-General for Pakistan",
    organisation: "AGP",
    role: "law_officer",
    status: "active",
    appearsBefore: ["IHC", "FST", "SC/ISB"],
  },
  {
    username: "officer.agp5",
    fullName: "Hafiz Usman Tariq",
    designation: "Assistant Attorney-General for Pakistan, Peshawar",
    organisation: "AGP",
    role: "law_officer",
    status: "active",
    appearsBefore: ["PHC", "BHC", "SC/PSH", "SC/QTA"],
  },
  {
    username: "officer.agp6",
    fullName: "Zainab Sajjad Mirza",
    designation: "Standing Counsel for the Federal Government",
    organisation: "AGP",
    role: "law_officer",
    status: "active",
    appearsBefore: ["IHC", "ATIR", "FST", "LHC/RWP"],
  },
  {
    username: "executive",
    fullName: "Omer Farooq Lodhi",
    designation: "Director General (Implementation), Prime Minister's Office",
    organisation: "PMO",
    role: "executive_viewer",
    status: "active",
  },
  {
    username: "central.authority",
    fullName: "Farah Naz Rizvi",
    designation: "Deputy Secretary (MLA), Central Authority, Ministry of Interior",
    organisation: "MOI_CA",
    role: "central_authority",
    status: "active",
  },
  {
    username: "fia.agency",
    fullName: "Asif Ali Jatoi",
    designation: "Assistant Director (Legal), Cyber Crime Wing, FIA",
    organisation: "FIA",
    role: "requesting_agency",
    status: "active",
  },
  {
    username: "auditor",
    fullName: "Bilal Hussain Gondal",
    designation: "Internal Auditor",
    organisation: "SYSADMIN",
    role: "auditor",
    status: "active",
  },
  {
    username: "ayesha.rana",
    fullName: "Ayesha Khalid Rana",
    designation: "Assistant (Litigation), Ministry of Interior",
    organisation: "INTERIOR",
    role: "focal_person",
    status: "pending",
  },
  {
    username: "waqas.bhatti",
    fullName: "Waqas Ahmed Bhatti",
    designation: "Section Officer (Legal-II), Ministry of Interior",
    organisation: "INTERIOR",
    role: "focal_person",
    status: "pending",
  },
];

export const LAW_OFFICERS = DEMO_ACCOUNTS.filter((a) => a.role === "law_officer");

/** The account whose presence means the demo has been seeded. */
export const DEMO_MARKER_USERNAME = "admin";
