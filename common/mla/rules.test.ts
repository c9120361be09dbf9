import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkDraft } from "./check.ts";
import { directoryFixture as dir } from "./directory.fixture.ts";
import {
  goodDrafts,
  goodEmergency,
  goodIncoming,
  goodOutgoing,
  goodPreservation,
  goodVoluntary,
} from "./drafts.fixture.ts";
import { type MlaRequestDraft, mlaRequestDraft, type RefusalGround } from "./request.ts";
import { RULE_CODES, ruleCheck } from "./rules.ts";
import { mlaRulesFile } from "./rules.types.ts";

const file = mlaRulesFile.parse(
  JSON.parse(readFileSync(new URL("../../reference/mla-rules.json", import.meta.url), "utf8")),
);
const rules = file.items;
const check = (d: MlaRequestDraft) => checkDraft(d, dir, rules);
const withIp = (ip: Partial<{ dateTime: string; timeZone: string }>): MlaRequestDraft => ({
  ...goodPreservation,
  subjects: [
    {
      ...goodPreservation.subjects![0]!,
      identifiers: [
        ...goodPreservation.subjects![0]!.identifiers!.slice(0, 2),
        { type: "ip", value: "203.0.113.7", ...ip },
      ],
    },
  ],
});

const withoutGround = (ground: RefusalGround) =>
  Object.fromEntries(Object.entries(goodIncoming.refusalScreening!).filter(([g]) => g !== ground));

/** For each rule: drafts that break it (the finding and its field) and drafts that satisfy it. */
const CASES: {
  code: string;
  breaks: [string, MlaRequestDraft, string][];
  satisfies: [string, MlaRequestDraft][];
}[] = [
  {
    code: "preservation_contents",
    breaks: [
      ["no statement that MLA follows", { ...goodPreservation, mlaWillFollow: undefined }, "mlaWillFollow"],
      ["no custodian", { ...goodPreservation, provider: undefined, custodian: undefined }, "custodian"],
    ],
    satisfies: [["complete preservation", goodPreservation]],
  },
  {
    code: "precise_identifiers",
    breaks: [
      [
        "IP without time zone",
        withIp({ dateTime: "2025-03-01T10:22:13" }),
        "subjects.0.identifiers.2.timeZone",
      ],
      ["IP without date-time", withIp({ timeZone: "Asia/Karachi" }), "subjects.0.identifiers.2.dateTime"],
      [
        "ambiguous zone",
        withIp({ dateTime: "2025-03-01T10:22", timeZone: "PKT" }),
        "subjects.0.identifiers.2.timeZone",
      ],
      [
        "username only",
        { ...goodPreservation, subjects: [{ identifiers: [{ type: "username", value: "@example_user" }] }] },
        "subjects.0.identifiers",
      ],
      [
        "range without zone",
        { ...goodPreservation, timeRanges: [{ from: "2025-01-01T00:00", to: "2025-02-01T00:00" }] },
        "timeRanges.0.timeZone",
      ],
    ],
    satisfies: [
      ["numeric ID, username, IP with zone", goodPreservation],
      ["IP with an offset in its time", withIp({ dateTime: "2025-03-01T05:22:13Z" })],
    ],
  },
  {
    code: "us_content_formal_mla",
    breaks: [
      [
        "voluntary request for US content",
        { ...goodVoluntary, dataCategories: ["subscriber", "content"] },
        "dataCategories",
      ],
      [
        "MLA for US content without probable cause",
        { ...goodOutgoing, probableCause: undefined },
        "probableCause",
      ],
    ],
    satisfies: [
      ["MLA with probable cause", goodOutgoing],
      ["voluntary request for non-content", goodVoluntary],
    ],
  },
  {
    code: "voluntary_first",
    breaks: [
      ["MLA for non-content only", { ...goodOutgoing, dataCategories: ["subscriber"] }, "dataCategories"],
    ],
    satisfies: [
      [
        "voluntary request cited",
        {
          ...goodOutgoing,
          dataCategories: ["subscriber"],
          earlierReferences: [
            ...goodOutgoing.earlierReferences!,
            { kind: "voluntary_disclosure", reference: "META-991" },
          ],
        },
      ],
      ["content sought", goodOutgoing],
    ],
  },
  {
    code: "emergency_threshold",
    breaks: [
      [
        "risk to property only",
        { ...goodEmergency, emergency: { ...goodEmergency.emergency, risk: "other" } },
        "emergency.risk",
      ],
      [
        "no statement why data helps",
        { ...goodEmergency, emergency: { ...goodEmergency.emergency, whyDataHelps: "" } },
        "emergency.whyDataHelps",
      ],
    ],
    satisfies: [["imminent risk of death", goodEmergency]],
  },
  {
    code: "facts_offences_link",
    breaks: [
      [
        "offence without penalty",
        { ...goodOutgoing, offences: [{ provision: "Section 11 of a test statute" }] },
        "offences.0.maximumPenalty",
      ],
      ["no link", { ...goodIncoming, evidenceLink: undefined }, "evidenceLink"],
    ],
    satisfies: [["complete MLA request", goodOutgoing]],
  },
  {
    code: "legal_basis",
    breaks: [
      ["no basis", { ...goodOutgoing, legalBasis: undefined }, "legalBasis.name"],
      [
        "Budapest Convention",
        { ...goodOutgoing, legalBasis: { kind: "convention", name: "Budapest Convention" } },
        "legalBasis.name",
      ],
      [
        "treaty with the US",
        { ...goodOutgoing, legalBasis: { kind: "treaty", name: "MLA treaty" } },
        "legalBasis.kind",
      ],
    ],
    satisfies: [
      ["reciprocity in writing", goodOutgoing],
      ["incoming on reciprocity", goodIncoming],
    ],
  },
  {
    code: "dual_criminality",
    breaks: [["no note", { ...goodOutgoing, dualCriminality: undefined }, "dualCriminality"]],
    satisfies: [
      ["note given", goodOutgoing],
      ["preservation needs none", { ...goodPreservation, dualCriminality: undefined }],
    ],
  },
  {
    code: "confidentiality_use",
    breaks: [
      ["no confidentiality", { ...goodPreservation, confidentiality: " " }, "confidentiality"],
      ["no limits on use", { ...goodOutgoing, limitsOnUse: undefined }, "limitsOnUse"],
    ],
    satisfies: [["both stated", goodOutgoing]],
  },
  {
    code: "urgency_language",
    breaks: [
      ["Urdu to the UK", { ...goodOutgoing, requestedState: "GB", language: "ur" }, "language"],
      [
        "urgent without time limit",
        { ...goodOutgoing, urgency: { level: "urgent", reasons: "A trial date." } },
        "urgency.timeLimit",
      ],
    ],
    satisfies: [
      ["English to the UK", { ...goodOutgoing, requestedState: "GB" }],
      ["routine needs no reasons", goodVoluntary],
    ],
  },
  {
    code: "central_authority_channel",
    breaks: [["sent directly", { ...goodOutgoing, channel: "direct" }, "channel"]],
    satisfies: [["through the Central Authority", goodOutgoing]],
  },
  {
    code: "provider_entity",
    breaks: [
      [
        "wrong TikTok entity",
        { ...goodPreservation, provider: { code: "tiktok", entity: "TikTok Inc." } },
        "provider.entity",
      ],
      ["sent to the US", { ...goodPreservation, requestedState: "US" }, "requestedState"],
      [
        "no user location",
        { ...goodPreservation, subjects: [{ ...goodPreservation.subjects![0]!, userLocation: undefined }] },
        "subjects.0.userLocation",
      ],
    ],
    satisfies: [["TikTok Pte. Ltd for a user in Pakistan", goodPreservation]],
  },
  {
    code: "earlier_references",
    breaks: [["preservation not cited", { ...goodOutgoing, earlierReferences: [] }, "earlierReferences"]],
    satisfies: [["preservation cited", goodOutgoing]],
  },
  {
    code: "refusal_screening",
    breaks: [
      [
        "political offence not screened",
        {
          ...goodIncoming,
          refusalScreening: withoutGround("politicalOffence"),
        },
        "refusalScreening.politicalOffence.outcome",
      ],
      [
        "sovereignty in doubt without reasons",
        {
          ...goodIncoming,
          refusalScreening: { ...goodIncoming.refusalScreening, sovereignty: { outcome: "unclear" } },
        },
        "refusalScreening.sovereignty.note",
      ],
    ],
    satisfies: [["all grounds screened", goodIncoming]],
  },
  {
    code: "tf_bank_secrecy",
    breaks: [
      [
        "bank secrecy raised",
        {
          ...goodIncoming,
          refusalScreening: {
            ...goodIncoming.refusalScreening,
            bankSecrecy: { outcome: "present", note: "Bank law" },
          },
        },
        "refusalScreening.bankSecrecy.outcome",
      ],
      [
        "outgoing without the convention",
        { ...goodOutgoing, terrorismFinancing: true },
        "legalBasis.instrument",
      ],
    ],
    satisfies: [
      ["bank secrecy not raised", goodIncoming],
      [
        "outgoing on the convention",
        {
          ...goodOutgoing,
          terrorismFinancing: true,
          legalBasis: { kind: "convention", instrument: "tf_convention" },
        },
      ],
    ],
  },
  {
    code: "plain_narrative",
    breaks: [
      [
        "u/s in the facts",
        { ...goodOutgoing, facts: "A case was registered u/s 11 of a test statute." },
        "facts",
      ],
      ["Urdu in an English request", { ...goodOutgoing, evidenceLink: "اکاؤنٹ کے پیغامات" }, "evidenceLink"],
    ],
    satisfies: [["plain English", goodOutgoing]],
  },
];

describe("the 16 drafting rules", () => {
  it("covers every rule", () => {
    expect(CASES.map((c) => c.code)).toEqual(RULE_CODES);
  });

  describe.each(CASES)("$code", ({ code, breaks, satisfies }) => {
    it.each(breaks)("breaks: %s", (_, draft, field) => {
      expect(mlaRequestDraft.safeParse(draft).success).toBe(true);
      const hit = check(draft).findings.find((f) => f.rule === code && f.field === field);
      expect(hit, `${code} at ${field}`).toBeDefined();
      expect(hit!.source).toBe(ruleCheck(code)!.source);
      expect(hit!.message).not.toMatch(/[{}]/);
      expect(hit!.fix.length).toBeGreaterThan(0);
    });
    it.each(satisfies)("satisfies: %s", (_, draft) => {
      expect(mlaRequestDraft.safeParse(draft).success).toBe(true);
      expect(check(draft).findings.filter((f) => f.rule === code)).toEqual([]);
    });
  });

  it.each(Object.entries(goodDrafts))("%s passes every rule with score 100", (_, draft) => {
    const result = check(draft);
    expect(result.findings).toEqual([]);
    expect(result.score).toBe(100);
  });
});
