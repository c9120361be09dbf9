import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { addDays, courtDay } from "../../platform/clock.ts";
import { caseBody, makeOrganisation, makeUser, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { multipart, pdf } from "../documents/documents.fixtures.ts";
import { appWith } from "./public.fixtures.ts";

/**
 * The world the public tests sweep: one ministry with an open case (a private petitioner, documents, a held
 * hearing with notes, an officer) and a confidential one, and an MLA request — every mark of what must never
 * reach the public is listed in `forbidden`. The app has a high rate limit (the default is 60 a minute per IP).
 */
const today = courtDay();

export type World = {
  app: FastifyInstance;
  mark: string;
  focal: Session;
  orgId: string;
  orgCode: string;
  open: { id: string; number: number };
  secret: { id: string; number: number; title: string };
  officer: { id: string; fullName: string };
  users: string[];
  mlaReference: string;
  forbidden: string[];
};

export async function newCase(who: Session, overrides: Record<string, unknown>) {
  const body = await caseBody(overrides);
  const res = await call(who, { method: "POST", url: "/api/v1/cases", body });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, number: body.number };
}

async function upload(who: Session, caseId: string, kind: string, title: string, name: string) {
  const { payload, headers } = multipart({ kind, title }, { name, bytes: pdf() });
  const res = await call(who, { method: "POST", url: `/api/v1/cases/${caseId}/documents`, payload, headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

export async function buildWorld(): Promise<World> {
  const MARK = `Q${Date.now().toString(36).toUpperCase()}`;
  const { handle } = await testApp();
  const org = await makeOrganisation("ministry", "Public Ministry");
  const focal = await signedIn(["focal_person"], org.id);
  const parties = [
    { side: "petitioner", name: "Shahid Mehmood Abbasi, son of Mehmood Abbasi, resident of Islamabad" },
    { side: "respondent", name: "Federation of Pakistan through Secretary", organisationId: org.id },
  ];
  const open = await newCase(focal, {
    title: "Shahid Mehmood Abbasi v. Federation of Pakistan through Secretary",
    subject: `Subject ${MARK}-SUBJECT exit control list`,
    parties,
  });
  const secretTitle = `Confidential ${MARK}-SECRET v. Federation of Pakistan`;
  const secret = await newCase(focal, {
    title: secretTitle,
    subject: `${MARK}-SECRET-SUBJECT`,
    flags: { confidential: true },
  });
  await upload(focal, open.id, "petition", `${MARK}-DOCTITLE`, `${MARK}-petition.pdf`);
  const order = await upload(focal, open.id, "order", `${MARK}-ORDER`, `${MARK}-order-sheet.pdf`);
  await upload(focal, secret.id, "petition", `${MARK}-SECRETDOC`, `${MARK}-secret.pdf`);

  // a hearing held with an order sheet and notes, which fixed the next date
  const held = await call(focal, {
    method: "POST",
    url: `/api/v1/cases/${open.id}/hearings`,
    body: { date: addDays(today, -3), purpose: "Arguments" },
  });
  expect(held.statusCode, held.body).toBe(201);
  const recorded = await call(focal, {
    method: "POST",
    url: `/api/v1/hearings/${held.json().id}/outcome`,
    body: {
      version: 1,
      outcome: "adjourned",
      adjournmentReason: `${MARK}-REASON counsel unwell`,
      adjournedAtRequestOf: "government",
      appeared: `${MARK}-APPEARED`,
      coram: `${MARK}-CORAM`,
      nextDate: addDays(today, 12),
      orderSheetDocumentId: order.id,
      notes: `${MARK}-NOTE the order sheet says`,
    },
  });
  expect(recorded.statusCode, recorded.body).toBe(200);
  const secretHearing = await call(focal, {
    method: "POST",
    url: `/api/v1/cases/${secret.id}/hearings`,
    body: { date: addDays(today, 5), purpose: "Notice" },
  });
  expect(secretHearing.statusCode).toBe(201);

  // an officer assigned to both (written directly: the assignment flow is tested in its own module)
  const office = await makeOrganisation("law_office", "Office");
  const officer = await makeUser(office.id, ["law_officer"], { fullName: `Zafarullah ${MARK}Officer` });
  await handle.db
    .updateTable("cases")
    .set({ assigned_officer_id: officer.id })
    .where("id", "in", [open.id, secret.id])
    .execute();

  const fia = await signedIn(["requesting_agency"]);
  const mla = await call(fia, {
    method: "POST",
    url: "/api/v1/mla/requests",
    body: { kind: "preservation", title: `Preservation ${MARK}-MLA account of suspect` },
  });
  expect(mla.statusCode, mla.body).toBe(201);
  const mlaReference = mla.json().reference as string;

  const app = await appWith({ CAMS_PUBLIC_RATE_PER_MINUTE: "100000" });
  return {
    app,
    mark: MARK,
    focal,
    orgId: org.id,
    orgCode: org.code,
    open: { id: open.id, number: open.number },
    secret: { id: secret.id, number: secret.number, title: secretTitle },
    officer: { id: officer.id, fullName: officer.full_name },
    users: [focal.userId, fia.userId, officer.id],
    mlaReference,
    forbidden: [
      `${MARK}-SECRET`,
      `${MARK}-MLA`,
      mlaReference,
      mla.json().id,
      `${MARK}-SUBJECT`,
      `${MARK}-DOCTITLE`,
      `${MARK}-ORDER`,
      `${MARK}-petition.pdf`,
      `${MARK}-order-sheet.pdf`,
      `${MARK}-NOTE`,
      `${MARK}-REASON`,
      `${MARK}-APPEARED`,
      `${MARK}-CORAM`,
      `${MARK}Officer`,
      "Zafarullah",
      officer.id,
      focal.userId,
      fia.userId,
      open.id,
      secret.id,
      order.id,
      `No. ${secret.number} of 2025`,
      `/${secret.number}/`,
      "Shahid Mehmood",
      "Abbasi",
    ],
  };
}

/** A case number written the ways people write it. */
export function writtenWays(n: number, year = 2025): string[] {
  const urdu = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
  return [
    `W.P. No. ${n} of ${year}`,
    `WP ${n}/${year}`,
    `wp-${n}-${year}`,
    `W. P. No: ${n} of ${year}`,
    `(Writ Petition No. ${n} of ${year}).`,
    `${n}/${year}`,
    `WP ${urdu(String(n))}/${urdu(String(year))}`,
    `Case: W.P. No. ${n} of ${year}`,
  ];
}
