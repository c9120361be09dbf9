import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { goodOutgoing, goodPreservation } from "../../../common/mla/drafts.fixture.ts";
import { signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { buildExportModel } from "./mla.export.ts";
import { readDirectory } from "./mla.reference.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const open = async (who: Session, body: Record<string, unknown>) => {
  const res = await call(who, { method: "POST", url: "/api/v1/mla/requests", body });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; reference: string };
};
const exported = (who: Session, id: string, format: "docx" | "pdf") =>
  call(who, { method: "GET", url: `/api/v1/mla/requests/${id}/export.${format}` });

/** The document's text as Word shows it: every run of word/document.xml, paragraphs on their own lines. */
function docxText(body: Buffer): string {
  const xml = new TextDecoder().decode(unzipSync(new Uint8Array(body))["word/document.xml"]);
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:tab\/>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The PDF's text: each TJ array's hex strings (split by kerning), decoded and joined (as causelist.test.ts). */
const pdfText = (body: Buffer) =>
  [...body.toString("latin1").matchAll(/\[([^\]]*)\] TJ/g)]
    .map((m) =>
      [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, "hex").toString("latin1")).join(""),
    )
    .join("\n");

/** The request's sections in the order a central authority expects them (common to every outgoing kind). */
const COMMON_SECTIONS = [
  "Summary of the assistance sought",
  "Legal basis",
  "Domestic investigation or proceedings",
  "Offences, provisions and maximum penalties",
  "Summary of the facts",
  "Link between the evidence sought and the offence",
  "Persons and accounts concerned",
  "Periods for which data is sought",
  "Categories of data sought",
  "Assistance sought and procedures to be followed",
  "Urgency and time limit",
  "Confidentiality and limits on use",
  "Dual criminality",
  "Earlier requests and references",
];

/** Each heading appears, numbered, in the given order; returns the text for further checks. */
function expectSections(text: string, headings: string[]) {
  let from = 0;
  for (const [i, h] of headings.entries()) {
    const at = text.indexOf(`${i + 1}. ${h}\n`, from);
    expect(at, `section "${i + 1}. ${h}"`).toBeGreaterThanOrEqual(from);
    from = at;
  }
}

const fullOutgoing = {
  ...goodOutgoing,
  kind: undefined,
  requestedState: "GB",
  // the United Kingdom takes English: a request in Urdu must be translated
  language: "ur",
  translation: { status: "in_progress", language: "en", translator: "Test Translation Bureau" },
  subjects: [
    {
      name: "ملزم الف",
      userLocation: "PK",
      identifiers: [
        { type: "numeric_id", value: "100012345678901" },
        { type: "ip", value: "203.0.113.7", dateTime: "2025-03-01T10:22:13", timeZone: "Asia/Karachi" },
      ],
    },
  ],
};

describe("MLA request export", () => {
  it("exports an outgoing request as a DOCX holding every section, a signature block and an internal annex", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const r = await open(fia, {
      kind: "mla_outgoing",
      title: "MLA to the United Kingdom — subscriber and content",
      draft: fullOutgoing,
    });

    const res = await exported(fia, r.id, "docx");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(DOCX);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${r.reference}.docx"`);
    expect(res.headers["cache-control"]).toBe("no-store");
    const text = docxText(res.rawPayload);

    expect(text).toContain("Request for mutual legal assistance in a criminal matter");
    for (const v of [
      r.reference,
      "Central Authority of Pakistan (Ministry of Interior)", // requesting authority
      "Central Authority, United Kingdom", // addressee
      "MLA to the United Kingdom — subscriber and content",
    ])
      expect(text).toContain(v);
    expectSections(text, [...COMMON_SECTIONS, "Language and translation"]);

    // the distinctive content of each section
    for (const v of [
      "This request seeks subscriber information, content concerning 1 account(s)", // summary
      "Reciprocity (Mutual Legal Assistance (Criminal Matters) Act 2020, s.3)", // legal basis
      "Written assurance of reciprocity by the Government of Pakistan",
      "FIR 12/2025", // domestic case
      "FIA Counter Terrorism Wing, Islamabad",
      "Anti-Terrorism Court, Islamabad",
      "Section 11 of a test statute", // offences
      "Ten years' imprisonment (test value)",
      "traced twelve payments", // facts
      "show who ran it", // link to the offence
      "Facts showing probable cause",
      "Meta (Facebook, Instagram, Messenger) — Meta Platforms, Inc.", // the entity for users in Pakistan
      "ملزم الف", // subjects, with identifiers and their date-times and zones
      "Pakistan",
      "Numeric account ID",
      "100012345678901",
      "203.0.113.7",
      "2025-03-01T10:22:13",
      "Asia/Karachi",
      "2025-01-01T00:00", // time range
      "2025-03-31T23:59",
      "Subscriber information; Content", // data categories
      "Subscriber records and the content of messages", // assistance sought
      "Urgent", // urgency
      "2025-04-15",
      "may be deleted once the holder learns",
      "Please do not tell the account holder", // confidentiality and limits on use
      "used only in this investigation",
      "an offence in both states", // dual criminality
      "FIA-PR-2025-014", // earlier references
      "2025-03-05",
      "Urdu (ur)", // translation, derived from the directory's languages for the requested state
      "No — United Kingdom accepts English (en); a translation is required",
      "In progress",
      "Test Translation Bureau",
    ])
      expect(text, v).toContain(v);

    // the signature block after the request, the internal annex after that and on its own section
    const signature = text.indexOf("Signature\n");
    const annex = text.indexOf("Internal annex — not part of the request");
    expect(signature).toBeGreaterThan(text.indexOf("15. Language and translation"));
    for (const label of ["Name", "Designation", "Date", "Seal"])
      expect(text.slice(signature, annex)).toContain(`${label}\n`);
    expect(annex).toBeGreaterThan(signature);
    expect(text.slice(0, annex)).not.toContain("Drafting assistant score");
    expect(text.slice(annex)).toMatch(/Drafting assistant score\n\d+ \/ 100/);
    expect(text.slice(annex)).toMatch(/Open findings\n\d+ \(\d+ error, \d+ warning, \d+ suggestion\)/);
    expect(text.slice(annex)).toContain("Remove this page before the request is signed and sent.");

    const pdf = await exported(fia, r.id, "pdf");
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="${r.reference}.pdf"`);
    expect(pdf.headers["cache-control"]).toBe("no-store");
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // uncompressed, so the text is in the file; Urdu cannot be drawn in Helvetica and is marked instead
    const printed = pdfText(pdf.rawPayload);
    for (const v of [
      "1. Summary of the assistance sought",
      "15. Language and translation",
      "FIR 12/2025",
      "Section 11 of a test statute",
      "203.0.113.7",
      "Test Translation Bureau",
      "[text in another script: see the Word version]",
      "Signature",
      "Drafting assistant score",
    ])
      expect(printed, v).toContain(v);

    const { handle } = await testApp();
    const events = await handle.db
      .selectFrom("audit_events")
      .select(["action", "changes", "actor_id", "entity_type"])
      .where("action", "=", "mla.request_exported")
      .where("entity_id", "=", r.id)
      .orderBy("seq")
      .execute();
    expect(events.map((e) => [e.entity_type, e.actor_id, e.changes])).toEqual([
      ["mla_request", fia.userId, { format: "docx" }],
      ["mla_request", fia.userId, { format: "pdf" }],
    ]);
  });

  it("exports a preservation request with its own sections, addressed to the provider's entity for the user's location", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const r = await open(fia, {
      kind: "preservation",
      title: "Preservation — TikTok account",
      draft: { ...goodPreservation, kind: undefined, translation: { status: "not_needed" } },
    });
    const res = await exported(fia, r.id, "docx");
    expect(res.statusCode).toBe(200);
    const text = docxText(res.rawPayload);
    expect(text).toContain("Request for the expedited preservation of stored computer data");
    expectSections(text, [
      ...COMMON_SECTIONS,
      "Why preservation is needed",
      "Request for mutual legal assistance to follow",
      "Language and translation",
    ]);
    for (const v of [
      "Federal Investigation Agency", // sent direct by the agency
      "TikTok Pte. Ltd (Singapore)", // users in Pakistan: the Singapore entity (rule 12)
      "Providers delete old records",
      "A request for mutual legal assistance for the search, seizure or disclosure of the preserved data will follow.",
      "Languages accepted by the requested state\nNot recorded", // Singapore's are not in the directory
      "Not needed",
    ])
      expect(text, v).toContain(v);
    const pdf = await exported(fia, r.id, "pdf");
    expect([pdf.statusCode, pdf.headers["content-type"]]).toEqual([200, "application/pdf"]);
    expect(pdf.rawPayload.subarray(0, 4).toString("latin1")).toBe("%PDF");
  });

  it("shows an empty section as Not stated rather than leaving it out", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const r = await open(fia, { kind: "emergency_disclosure", title: "Emergency — nothing typed yet" });
    const text = docxText((await exported(fia, r.id, "docx")).rawPayload);
    expectSections(text, [
      ...COMMON_SECTIONS,
      "Emergency: the threat and why the data helps",
      "Language and translation",
    ]);
    const facts = text.slice(text.indexOf("5. Summary of the facts"), text.indexOf("6. Link between"));
    expect(facts).toContain("Not stated");
    expect(text.match(/Not stated/g)!.length).toBeGreaterThan(20);
    expect((await exported(fia, r.id, "pdf")).statusCode).toBe(200);
  });

  it("is scoped like reading the request: outsiders and unknown ids get 404, bad ids 400", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const otherAgency = await signedIn(["requesting_agency"]);
    const solicitor = await signedIn(["law_ministry"]);
    const ca = await signedIn(["central_authority"]);
    const r = await open(fia, { kind: "mla_outgoing", title: "Scoped export", draft: fullOutgoing });
    for (const outsider of [otherAgency, solicitor])
      for (const format of ["docx", "pdf"] as const) {
        const res = await exported(outsider, r.id, format);
        expect(res.statusCode).toBe(404);
        expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      }
    expect((await exported(ca, r.id, "docx")).statusCode).toBe(200);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await exported(fia, unknown, "docx")).statusCode).toBe(404);
    expect((await exported(fia, unknown, "pdf")).statusCode).toBe(404);
    const bad = await call(fia, { method: "GET", url: "/api/v1/mla/requests/not-an-id/export.docx" });
    expect(bad.statusCode).toBe(400);
    expect(
      (await call(null, { method: "GET", url: `/api/v1/mla/requests/${r.id}/export.pdf` })).statusCode,
    ).toBe(401);

    const { handle } = await testApp();
    const events = await handle.db
      .selectFrom("audit_events")
      .select(["actor_id"])
      .where("action", "=", "mla.request_exported")
      .where("entity_id", "=", r.id)
      .execute();
    // only the Central Authority's export happened
    expect(events.map((e) => e.actor_id)).toEqual([ca.userId]);
  });
});

describe("MLA export model", () => {
  it("says a translation is needed when the requested state does not take the request's language, whatever was recorded", () => {
    const detail = {
      id: "x",
      reference: "MLA-OUT-2026-0001",
      kind: "mla_outgoing",
      state: "draft",
      title: "t",
      organisation: { id: "o", code: "FIA", nameEn: "FIA" },
      createdBy: { id: "u", fullName: "Officer" },
      check: { score: 50, findings: [] },
    } as unknown as Parameters<typeof buildExportModel>[0];
    const status = (draft: Record<string, unknown>) => {
      const m = buildExportModel(
        detail,
        { kind: "mla_outgoing", requestedState: "GB", ...draft },
        readDirectory(),
        "2026-01-01",
      );
      const block = m.sections.find((s) => s.key === "translation")!.blocks[0]!;
      return block.type === "fields" ? block.rows.find(([l]) => l === "Translation status")![1] : "";
    };
    expect(status({ language: "ur", translation: { status: "not_needed" } })).toBe(
      "Not needed — a translation is needed: United Kingdom does not accept Urdu (ur)",
    );
    expect(status({ language: "ur", translation: { status: "certified" } })).toBe("Translated and certified");
    expect(status({ language: "en", translation: { status: "not_needed" } })).toBe("Not needed");
    expect(status({})).toBe("Not stated");
  });
});
