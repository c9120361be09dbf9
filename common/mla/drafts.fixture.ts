import type { MlaRequestDraft } from "./request.ts";

/**
 * One complete draft per request kind, for tests: each passes every rule against directory.fixture.ts. Case
 * details are invented test values (documentation IP addresses, example.org), never real people or laws.
 */
const domesticCase = {
  firNumber: "FIR 12/2025",
  policeStation: "FIA Counter Terrorism Wing, Islamabad",
  agency: "Federal Investigation Agency",
  court: "Anti-Terrorism Court, Islamabad",
};

const offences = [
  {
    provision: "Section 11 of a test statute",
    description: "Collecting money for a banned organisation.",
    maximumPenalty: "Ten years' imprisonment (test value)",
  },
];

const facts =
  "Between January and March 2025 the account holder asked followers to send money to a banned organisation. " +
  "Investigators traced twelve payments to bank accounts named in the posts.";
const evidenceLink =
  "The account's subscriber records and login addresses show who ran it; its messages show the appeals for money.";
const confidentiality =
  "Please do not tell the account holder about this request; disclosure would harm the investigation.";
const pkAccount = {
  name: "Holder of the test account",
  userLocation: "PK",
  identifiers: [
    { type: "numeric_id" as const, value: "6912345678901234567" },
    { type: "username" as const, value: "@example_user" },
    { type: "ip" as const, value: "203.0.113.7", dateTime: "2025-03-01T10:22:13", timeZone: "Asia/Karachi" },
  ],
};
const metaAccount = {
  userLocation: "PK",
  identifiers: [
    { type: "numeric_id" as const, value: "100012345678901" },
    { type: "url" as const, value: "https://www.facebook.com/example.user" },
  ],
};
const period = [{ from: "2025-01-01T00:00", to: "2025-03-31T23:59", timeZone: "Asia/Karachi" }];
const urgent = {
  level: "urgent" as const,
  reasons: "The account may be deleted once the holder learns of the arrests.",
  timeLimit: "2025-04-15",
};

export const goodPreservation: MlaRequestDraft = {
  kind: "preservation",
  requestedState: "SG",
  provider: { code: "tiktok", entity: "TikTok Pte. Ltd" },
  domesticCase,
  subjects: [pkAccount],
  timeRanges: period,
  offences,
  facts,
  evidenceLink,
  dataCategories: ["subscriber", "traffic", "content"],
  confidentiality,
  urgency: urgent,
  language: "en",
  channel: "direct",
  preservationNeed: "Providers delete old records; the holder can delete the posts at any time.",
  mlaWillFollow: true,
};

export const goodOutgoing: MlaRequestDraft = {
  kind: "mla_outgoing",
  requestedState: "US",
  provider: { code: "meta" },
  domesticCase,
  subjects: [metaAccount],
  timeRanges: period,
  legalBasis: { kind: "reciprocity", name: "Written assurance of reciprocity by the Government of Pakistan" },
  offences,
  facts,
  evidenceLink,
  probableCause:
    "Three posts from this account, copied on 2 March 2025, name the bank account that received the money.",
  assistanceSought: "Subscriber records and the content of messages sent between January and March 2025.",
  dataCategories: ["subscriber", "content"],
  confidentiality,
  limitsOnUse: "The evidence will be used only in this investigation and the resulting trial.",
  urgency: urgent,
  language: "en",
  channel: "central_authority",
  earlierReferences: [{ kind: "preservation", reference: "FIA-PR-2025-014", date: "2025-03-05" }],
  linkedRequests: [{ kind: "preservation", reference: "FIA-PR-2025-014" }],
  dualCriminality: "Collecting money for a terrorist organisation is an offence in both states.",
  terrorismFinancing: false,
};

export const goodIncoming: MlaRequestDraft = {
  kind: "mla_incoming",
  requestingState: "GB",
  subjects: [{ identifiers: [{ type: "email", value: "someone@example.org" }] }],
  legalBasis: { kind: "reciprocity", name: "Written assurance of reciprocity by the requesting state" },
  offences,
  facts,
  evidenceLink,
  confidentiality: "The requesting state asks that the account holder not be told.",
  limitsOnUse: "Use only in the requesting state's prosecution, as its request undertakes.",
  channel: "central_authority",
  dualCriminality: "The conduct described is an offence in Pakistan too.",
  terrorismFinancing: true,
  refusalScreening: {
    politicalOffence: { outcome: "not_present" },
    sovereignty: { outcome: "not_present" },
    security: { outcome: "not_present" },
    ordrePublic: { outcome: "not_present" },
    bankSecrecy: { outcome: "not_present" },
  },
};

export const goodEmergency: MlaRequestDraft = {
  kind: "emergency_disclosure",
  requestedState: "US",
  provider: { code: "meta" },
  subjects: [metaAccount],
  dataCategories: ["subscriber"],
  emergency: {
    risk: "death",
    imminent: true,
    threat: "The account announced an attack on a named school for tomorrow morning.",
    whyDataHelps: "The login address and phone number will let the police find the author before the attack.",
  },
  confidentiality,
  urgency: { level: "immediate", reasons: "The attack is announced for tomorrow.", timeLimit: "2025-03-02" },
  language: "en",
};

export const goodVoluntary: MlaRequestDraft = {
  kind: "voluntary_disclosure",
  requestedState: "US",
  provider: { code: "meta" },
  domesticCase,
  subjects: [metaAccount],
  timeRanges: period,
  offences,
  facts,
  evidenceLink,
  dataCategories: ["subscriber", "traffic"],
  confidentiality,
  urgency: { level: "routine" },
  language: "en",
};

export const goodDrafts = { goodPreservation, goodOutgoing, goodIncoming, goodEmergency, goodVoluntary };
