import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../../common/roles.ts";
import { caseBody, makeOrganisation, makeUser, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";

/**
 * For every role: another organisation's case and a confidential case must be invisible everywhere —
 * read, list, search (by text and by number), edit, status, assignment, history, documents and download —
 * and every answer is the same 404 an unknown id gets. The Law Ministry is the one role that sees every
 * non-confidential case; that is asserted too, as the control that the matrix can fail.
 */
type Target = { id: string; token: string; number: number; docId: string };

async function attachDocument(caseId: string, uploadedBy: string) {
  const { handle } = await testApp();
  const bytes = Buffer.from(`%PDF-1.4 secret ${caseId}`);
  const sha = createHash("sha256").update(bytes).digest("hex");
  await handle.db
    .insertInto("blobs")
    .values({ sha256: sha, size_bytes: bytes.length, media_type: "application/pdf" })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const doc = await handle.db
    .insertInto("documents")
    .values({ case_id: caseId, kind: "petition", title: "Petition", created_by: uploadedBy })
    .returning("id")
    .executeTakeFirstOrThrow();
  await handle.db
    .insertInto("document_versions")
    .values({
      document_id: doc.id,
      version: 1,
      blob_sha256: sha,
      file_name: "p.pdf",
      media_type: "application/pdf",
      size_bytes: bytes.length,
      uploaded_by: uploadedBy,
    })
    .execute();
  return doc.id;
}

let otherOrgCase: Target;
let confidentialCase: Target;

beforeAll(async () => {
  const owner = await signedIn(["focal_person"]);
  const solicitor = await signedIn(["law_ministry"]);
  const farOffice = await makeOrganisation("law_office", "Far law office");
  const farOfficer = await makeUser(farOffice.id, ["law_officer"]);
  const make = async (confidential: boolean): Promise<Target> => {
    const token = `Qx${Math.random().toString(36).slice(2, 10)}`;
    const body = await caseBody({ title: `${token} v. Federation`, flags: { confidential } });
    const created = await call(owner, { method: "POST", url: "/api/v1/cases", body });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    if (!confidential) {
      const a = await call(solicitor, {
        method: "POST",
        url: `/api/v1/cases/${c.id}/assignment`,
        body: { version: 1, officerId: farOfficer.id, reason: "far office" },
      });
      expect(a.statusCode).toBe(200);
    }
    return {
      id: c.id,
      token,
      number: body.number as number,
      docId: await attachDocument(c.id, owner.userId),
    };
  };
  otherOrgCase = await make(false);
  confidentialCase = await make(true);
});

async function probe(s: Session, t: Target) {
  const ids = async (url: string) => {
    const res = await call(s, { method: "GET", url });
    return res.statusCode === 200 ? res.json().items.map((i: { id: string }) => i.id) : [];
  };
  const status = async (method: "GET" | "PATCH" | "POST", url: string, body?: unknown) => {
    const res = await call(s, { method, url, body });
    return `${res.statusCode}:${res.json().code ?? "ok"}`;
  };
  return {
    listed: (await ids("/api/v1/cases?pageSize=200")).includes(t.id),
    searchedByText: (await ids(`/api/v1/cases?q=${t.token}`)).includes(t.id),
    searchedByNumber: (await ids(`/api/v1/cases?q=WP%20${t.number}/2025`)).includes(t.id),
    read: await status("GET", `/api/v1/cases/${t.id}`),
    edit: await status("PATCH", `/api/v1/cases/${t.id}`, { version: 1, title: "hijacked" }),
    status: await status("POST", `/api/v1/cases/${t.id}/status`, { version: 1, status: "closed" }),
    assign: await status("POST", `/api/v1/cases/${t.id}/assignment`, {
      version: 1,
      officerId: null,
      reason: "x",
    }),
    history: await status("GET", `/api/v1/cases/${t.id}/history`),
    documents: await status("GET", `/api/v1/cases/${t.id}/documents`),
    download: await status("GET", `/api/v1/documents/${t.docId}/versions/1/download`),
  };
}

const HIDDEN = {
  listed: false,
  searchedByText: false,
  searchedByNumber: false,
  read: "404:not_found",
  edit: "404:not_found",
  status: "404:not_found",
  assign: "404:not_found",
  history: "404:not_found",
  documents: "404:not_found",
  download: "404:not_found",
};

describe("authorization matrix", () => {
  it.each(ROLES as readonly Role[])(
    "%s sees nothing of a confidential case it is not named on",
    async (role) => {
      const s = await signedIn([role]);
      expect(await probe(s, confidentialCase)).toEqual(HIDDEN);
    },
  );

  it.each(ROLES.filter((r) => r !== "law_ministry" && r !== "executive_viewer") as Role[])(
    "%s sees nothing of another organisation's case",
    async (role) => {
      const s = await signedIn([role]);
      expect(await probe(s, otherOrgCase)).toEqual(HIDDEN);
    },
  );

  it("the Law Ministry sees another organisation's case (control)", async () => {
    const s = await signedIn(["law_ministry"]);
    const seen = await probe(s, otherOrgCase);
    expect(seen).toMatchObject({
      listed: true,
      searchedByText: true,
      searchedByNumber: true,
      read: "200:ok",
    });
  });

  it("the executive viewer reads another organisation's case, and changes nothing, downloads nothing", async () => {
    const s = await signedIn(["executive_viewer"]);
    expect(await probe(s, otherOrgCase)).toEqual({
      listed: true,
      searchedByText: true,
      searchedByNumber: true,
      read: "200:ok",
      edit: "403:forbidden",
      status: "403:forbidden",
      assign: "403:forbidden",
      history: "200:ok",
      documents: "200:ok",
      download: "403:forbidden",
    });
  });

  it("an unknown id answers exactly as an invisible one", async () => {
    const s = await signedIn(["law_ministry"]);
    const res = await call(s, { method: "GET", url: "/api/v1/cases/00000000-0000-4000-8000-000000000000" });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("not_found");
  });

  it("a user named on a confidential case sees it", async () => {
    const { handle } = await testApp();
    const s = await signedIn(["focal_person"]);
    await handle.db
      .insertInto("case_access")
      .values({ case_id: confidentialCase.id, user_id: s.userId, granted_by: s.userId })
      .execute();
    const res = await call(s, { method: "GET", url: `/api/v1/cases/${confidentialCase.id}` });
    expect(res.statusCode).toBe(200);
  });

  it("unauthenticated requests get 401 and nothing else", async () => {
    const res = await call(null, { method: "GET", url: `/api/v1/cases/${otherOrgCase.id}` });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain(otherOrgCase.token);
  });
});
