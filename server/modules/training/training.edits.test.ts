import { describe, expect, it } from "vitest";
import { signedIn } from "../../test/factories.ts";
import { call, testApp } from "../../test/harness.ts";
import { multipart, pdf } from "../documents/documents.fixtures.ts";
import { API, attempt, complete, moduleByCode, readAll, rightAnswers } from "./training.fixtures.ts";

const body = (code: string) => ({
  code,
  title: "Edited module",
  description: "",
  language: "en",
  durationMinutes: 10,
  topic: "cams",
  competenceCode: "cams_use",
  passMark: 50,
  published: true,
  pages: [
    { title: "One", body: "1" },
    { title: "Two", body: "2" },
    { title: "Three", body: "3" },
  ],
  questions: [{ prompt: "Pick A", options: ["A", "B"], correct: [0], explanation: "" }],
});

describe("editing a module others are learning", () => {
  it("keeps a page's attachments and read marks with the page wherever it moves; a removed page's are named in the audit", async () => {
    const admin = await signedIn(["administrator"]);
    const learner = await signedIn(["focal_person"]);
    const made = (
      await call(admin, {
        method: "POST",
        url: `${API}/modules`,
        body: body(`ed-${Date.now().toString(36)}`),
      })
    ).json();
    const [one, two, three] = made.pages as { id: string }[];
    const upload = (pageId: string) =>
      call(admin, {
        method: "POST",
        url: `${API}/modules/${made.id}/pages/${pageId}/attachments`,
        ...multipart({}, { name: "handout.pdf", bytes: pdf() }),
      });
    expect((await upload(two!.id)).statusCode).toBe(201);
    expect((await upload(one!.id)).statusCode).toBe(201);
    await call(learner, { method: "POST", url: `${API}/modules/${made.id}/pages/${two!.id}/read` });

    // page one removed, three moved before two, a new page added at the end
    const edited = await call(admin, {
      method: "PUT",
      url: `${API}/modules/${made.id}`,
      body: {
        ...body(made.code),
        version: 1,
        pages: [
          { id: three!.id, title: "Three", body: "3" },
          { id: two!.id, title: "Two, corrected", body: "2" },
          { title: "Four", body: "4" },
        ],
      },
    });
    expect(edited.statusCode).toBe(200);
    const pages = edited.json().pages as { id: string; title: string; attachments: unknown[] }[];
    expect(pages.map((p) => p.id).slice(0, 2)).toEqual([three!.id, two!.id]);
    expect(pages[1]!.attachments).toHaveLength(1);
    expect(pages[0]!.attachments).toHaveLength(0);
    const mine = (await call(learner, { method: "GET", url: `${API}/modules/${made.id}` })).json().mine;
    expect(mine.pagesRead).toEqual([two!.id]);

    const { handle } = await testApp();
    const event = await handle.db
      .selectFrom("audit_events")
      .select("changes")
      .where("action", "=", "training.module_updated")
      .where("entity_id", "=", made.id)
      .executeTakeFirstOrThrow();
    expect(event.changes).toMatchObject({
      pages: { removed: [one!.id], edited: [two!.id], added: 1 },
      attachmentsRemoved: [expect.objectContaining({ fileName: "handout.pdf" })],
    });

    const foreign = await call(admin, {
      method: "PUT",
      url: `${API}/modules/${made.id}`,
      body: { ...body(made.code), version: 2, pages: [{ id: one!.id, title: "x", body: "x" }] },
    });
    expect(foreign.json()).toMatchObject({ status: 422, code: "unknown_page" });
    const twice = await call(admin, {
      method: "PUT",
      url: `${API}/modules/${made.id}`,
      body: {
        ...body(made.code),
        version: 2,
        pages: [
          { id: two!.id, title: "x", body: "x" },
          { id: two!.id, title: "y", body: "y" },
        ],
      },
    });
    expect(twice.json()).toMatchObject({ status: 422, code: "unknown_page" });
  });

  it("a certificate keeps the module as certified; after a revocation a new pass issues a new one", async () => {
    const admin = await signedIn(["administrator"]);
    const learner = await signedIn(["law_officer"]);
    const made = (
      await call(admin, {
        method: "POST",
        url: `${API}/modules`,
        body: body(`cert-${Date.now().toString(36)}`),
      })
    ).json();
    await readAll(learner, made);
    const passed = (await attempt(learner, made, await rightAnswers(made.id))).json();
    const first = passed.certificate as { id: string; code: string };

    await call(admin, {
      method: "PUT",
      url: `${API}/modules/${made.id}`,
      body: {
        ...body(made.code),
        version: 1,
        title: "Renamed",
        pages: made.pages.map((p: { id: string; title: string; body: string }) => ({
          id: p.id,
          title: p.title,
          body: p.body,
        })),
        questions: made.questions.map(
          (q: { id: string; prompt: string; options: string[]; correct: number[] }) => ({
            id: q.id,
            prompt: q.prompt,
            options: q.options,
            correct: q.correct,
            explanation: "",
          }),
        ),
      },
    });
    const verified = (
      await call(null, { method: "GET", url: `/api/v1/public/certificates/${first.code}` })
    ).json();
    expect(verified.moduleTitle).toBe("Edited module");

    await call(admin, {
      method: "POST",
      url: `${API}/certificates/${first.id}/revoke`,
      body: { reason: "retake required" },
    });
    const current = (await call(learner, { method: "GET", url: `${API}/modules/${made.id}` })).json();
    expect(current.mine.certificate).toMatchObject({ id: first.id, revoked: true });
    const again = (await attempt(learner, current, await rightAnswers(made.id))).json();
    expect(again.certificate.code).not.toBe(first.code);
    expect((await call(learner, { method: "GET", url: `${API}/me` })).json().competences).toEqual([
      expect.objectContaining({ code: "cams_use", certificateCode: again.certificate.code }),
    ]);
    const report = (
      await call(admin, {
        method: "GET",
        url: `${API}/completion?organisationId=${learner.organisationId}&moduleId=${made.id}`,
      })
    ).json();
    expect(report.rows).toEqual([
      expect.objectContaining({ people: 1, enrolled: 1, completed: 1, revoked: 1 }),
    ]);
  });

  it("the seeded module a learner completed still verifies after another learner's run", async () => {
    const s = await signedIn(["focal_person"]);
    const cert = await complete(s, "using-cams");
    expect(
      (await call(null, { method: "GET", url: `/api/v1/public/certificates/${cert.code}` })).json().status,
    ).toBe("valid");
    expect((await moduleByCode(s, "using-cams")).mine.certificate.code).toBe(cert.code);
  });
});
