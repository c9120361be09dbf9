import type { MlaRequestDraft } from "../../../common/mla/request.ts";
import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { addLink } from "../mla/mla.links.ts";
import { createRequest, transition, updateDraft } from "../mla/mla.service.ts";

/**
 * The MLA register's demo (issue 5): requests at the stages the Central Authority and the FIA meet every week,
 * made through the register's own services so that references, history, audit and deadlines are what the app
 * writes. Names, accounts and FIR numbers are invented; providers, entities and statutes are the directory's.
 */
type Draft = Omit<MlaRequestDraft, "kind">;
type Step = { to: string; by: "fia" | "ca"; reason?: string; grounds?: string[] };

const TF_OFFENCE = {
  provision: "Anti-Terrorism Act 1997 s.11N",
  description: "Financing of terrorism: collecting funds for a proscribed organisation",
  maximumPenalty: "Imprisonment of 5 to 10 years and fine",
};

const tiktokPreservation: Draft = {
  requestedState: "SG",
  provider: { code: "tiktok", entity: "TikTok Pte. Ltd" },
  domesticCase: {
    firNumber: "FIR 14/2026",
    policeStation: "CTW Islamabad",
    agency: "FIA Counter Terrorism Wing",
  },
  subjects: [
    {
      name: "Account holder (unidentified)",
      userLocation: "PK",
      identifiers: [
        { type: "username", value: "@relief.fund.pk" },
        { type: "numeric_id", value: "7283910456612398871" },
      ],
    },
  ],
  timeRanges: [{ from: "2026-08-01T00:00:00", to: "2026-10-31T23:59:59", timeZone: "Asia/Karachi" }],
  offences: [TF_OFFENCE],
  facts:
    "Between August and October 2026 the account posted appeals for donations to a relief fund that the investigation links to a proscribed organisation, with bank and mobile-wallet numbers for payment.",
  evidenceLink:
    "The subscriber records and the posts identify who ran the appeals; the connection logs place the account holder.",
  dataCategories: ["subscriber", "traffic"],
  mlaWillFollow: true,
  preservationNeed: "The account holder can delete the posts at any time; the appeals are being removed.",
  confidentiality: "Do not notify the account holder: the investigation is confidential (MLA Act 2020 s.18).",
  urgency: { level: "urgent", reasons: "Posts are being deleted.", timeLimit: "2026-12-15" },
  language: "en",
  terrorismFinancing: true,
};

const metaOutgoing: Draft = {
  requestedState: "US",
  provider: { code: "meta" },
  domesticCase: {
    firNumber: "FIR 9/2026",
    agency: "FIA Counter Terrorism Wing",
    court: "Anti-Terrorism Court-I, Islamabad",
  },
  subjects: [
    {
      name: "Suspect K",
      userLocation: "PK",
      identifiers: [{ type: "url", value: "https://facebook.com/k.relief" }],
    },
  ],
  offences: [TF_OFFENCE],
  facts: "The suspect solicited funds through the page for a proscribed organisation.",
  assistanceSought: "Subscriber information, connection logs and the content of messages about the fund.",
  dataCategories: ["subscriber", "traffic", "content"],
  legalBasis: {
    kind: "convention",
    name: "International Convention for the Suppression of the Financing of Terrorism",
  },
  language: "en",
  terrorismFinancing: true,
};

const googleVoluntary: Draft = {
  requestedState: "US",
  provider: { code: "google" },
  subjects: [{ userLocation: "PK", identifiers: [{ type: "email", value: "donations.relief@gmail.com" }] }],
  offences: [TF_OFFENCE],
  dataCategories: ["subscriber"],
};

const ukIncoming: Draft = {
  requestingState: "GB",
  facts: "The requesting state investigates a fraud whose proceeds were sent to accounts in Karachi.",
  assistanceSought: "Bank records of two accounts held in Karachi.",
  refusalScreening: { politicalOffence: { outcome: "not_present" }, sovereignty: { outcome: "not_present" } },
};

const PLAN: {
  kind: MlaRequestDraft["kind"];
  title: string;
  by: "fia" | "ca";
  draft: Draft;
  steps: Step[];
}[] = [
  {
    kind: "preservation",
    title: "Preservation — TikTok account @relief.fund.pk",
    by: "fia",
    draft: tiktokPreservation,
    steps: [
      { to: "submitted_to_central_authority", by: "fia" },
      { to: "approved", by: "ca" },
      { to: "sent", by: "ca" },
      { to: "confirmed", by: "fia" },
    ],
  },
  {
    kind: "mla_outgoing",
    title: "MLA to the United States — Meta page k.relief",
    by: "fia",
    draft: metaOutgoing,
    steps: [
      { to: "agency_legal_review", by: "fia" },
      { to: "submitted_to_central_authority", by: "fia" },
      { to: "central_authority_review", by: "ca" },
      {
        to: "returned_for_amendment",
        by: "ca",
        reason: "Give the page's numeric ID and the facts that reach probable cause for the content.",
        grounds: ["precise_identifiers", "us_content_formal_mla"],
      },
    ],
  },
  {
    kind: "voluntary_disclosure",
    title: "Voluntary disclosure — Google account donations.relief",
    by: "fia",
    draft: googleVoluntary,
    steps: [],
  },
  {
    kind: "mla_incoming",
    title: "Request from the United Kingdom — bank records in Karachi",
    by: "ca",
    draft: ukIncoming,
    steps: [
      { to: "registered", by: "ca" },
      { to: "acknowledged", by: "ca" },
      { to: "assessment", by: "ca" },
    ],
  },
];

export async function seedDemoMla(db: Database, actorOf: (username: string) => Actor): Promise<number> {
  const who = { fia: actorOf("fia.agency"), ca: actorOf("central.authority") };
  const made: { id: string; reference: string }[] = [];
  for (const p of PLAN) {
    let r = await createRequest(db, who[p.by], { kind: p.kind, title: p.title });
    r = await updateDraft(db, who[p.by], r.id, { version: r.version, draft: p.draft });
    for (const s of p.steps) {
      r = await transition(db, who[s.by], r.id, {
        version: r.version,
        to: s.to,
        reason: s.reason ?? "",
        grounds: s.grounds ?? [],
      });
    }
    made.push({ id: r.id, reference: r.reference });
  }
  // the Meta request follows the TikTok preservation's investigation
  await addLink(db, who.fia, made[1]!.id, { reference: made[0]!.reference, relation: "related" });
  return made.length;
}
