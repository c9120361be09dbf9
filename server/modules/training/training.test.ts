import { describe, expect, it } from "vitest";
import { makeCertificateCode } from "../../../common/training/certificate-code.ts";
import { signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { API, attempt, complete, moduleByCode, readAll, rightAnswers } from "./training.fixtures.ts";

/** The text pdfkit drew: each TJ array's hex strings, decoded and joined (kerning splits words into pieces). */
const pdfText = (raw: string) =>
  [...raw.matchAll(/\[([^\]]*)\] TJ/g)]
    .map((tj) =>
      [...tj[1]!.matchAll(/<([0-9a-f]*)>/g)]
        .map((h) => Buffer.from(h[1]!, "hex").toString("latin1"))
        .join(""),
    )
    .join("\n");

describe("training catalogue", () => {
  it("lists the seeded CAMS modules to any signed-in user, without the answers", async () => {
    const s = await signedIn(["focal_person"]);
    const list = (await call(s, { method: "GET", url: `${API}/modules` })).json();
    const codes = list.items.map((m: { code: string }) => m.code);
    for (const c of [
      "using-cams",
      "using-cams-ur",
      "mla-drafting",
      "electronic-evidence-preservation",
      "limitation-and-appeals",
    ])
      expect(codes).toContain(c);
    const m = await moduleByCode(s, "mla-drafting");
    expect(m).toMatchObject({
      language: "en",
      topic: "mla",
      passMark: 80,
      competence: { code: "mla_drafting" },
      mine: null,
    });
    expect(m.pages.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(m.questions)).not.toContain("correct");
    expect((await call(s, { method: "GET", url: `${API}/modules/${m.id}/edit` })).statusCode).toBe(403);
    const ur = (await call(s, { method: "GET", url: `${API}/modules?language=ur` })).json();
    expect(ur.items.every((x: { language: string }) => x.language === "ur")).toBe(true);
    expect((await call(null, { method: "GET", url: `${API}/modules` })).statusCode).toBe(401);
  });

  it("lets administrators write modules; drafts stay hidden from learners; bad edits are refused", async () => {
    const admin = await signedIn(["administrator"]);
    const learner = await signedIn(["law_officer"]);
    const code = `draft-${Date.now().toString(36)}`;
    const body = {
      code,
      title: "Draft module",
      description: "",
      language: "en",
      durationMinutes: 10,
      topic: "cybercrime",
      competenceCode: null,
      passMark: 50,
      published: false,
      pages: [
        { title: "One", body: "Text **one**." },
        { title: "Two", body: "Text two." },
      ],
      questions: [{ prompt: "Pick B", options: ["A", "B"], correct: [1], explanation: "B it is." }],
    };
    expect((await call(learner, { method: "POST", url: `${API}/modules`, body })).statusCode).toBe(403);
    const made = await call(admin, { method: "POST", url: `${API}/modules`, body });
    expect(made.statusCode).toBe(201);
    const m = made.json();
    expect((await call(admin, { method: "POST", url: `${API}/modules`, body })).json()).toMatchObject({
      code: "code_taken",
    });
    expect((await call(learner, { method: "GET", url: `${API}/modules/${m.id}` })).statusCode).toBe(404);
    expect(
      (await call(learner, { method: "POST", url: `${API}/modules/${m.id}/enrolment` })).statusCode,
    ).toBe(404);

    const bad = await call(admin, {
      method: "POST",
      url: `${API}/modules`,
      body: { ...body, code: `${code}-x`, questions: [{ prompt: "?", options: ["A", "B"], correct: [2] }] },
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await call(admin, {
      method: "POST",
      url: `${API}/modules`,
      body: { ...body, code: `${code}-y`, competenceCode: "no_such_thing" },
    });
    expect(unknown.json()).toMatchObject({ status: 422, code: "unknown_competence" });

    const edited = await call(admin, {
      method: "PUT",
      url: `${API}/modules/${m.id}`,
      body: {
        ...body,
        version: 1,
        published: true,
        pages: [{ id: m.pages[0].id, title: "One, corrected", body: "x" }],
      },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().pages).toEqual([
      expect.objectContaining({ id: m.pages[0].id, title: "One, corrected" }),
    ]);
    expect(
      (
        await call(admin, { method: "PUT", url: `${API}/modules/${m.id}`, body: { ...body, version: 1 } })
      ).json(),
    ).toMatchObject({ code: "stale_version" });
    expect((await call(learner, { method: "GET", url: `${API}/modules/${m.id}` })).statusCode).toBe(200);
  });
});

describe("learning a module", () => {
  it("opens the quiz after every page is read, scores it, and issues one certificate on the first pass", async () => {
    const s = await signedIn(["law_officer"]);
    const m = await moduleByCode(s, "limitation-and-appeals");
    const right = await rightAnswers(m.id);
    expect((await attempt(s, m, right)).json()).toMatchObject({ status: 409, code: "pages_unread" });
    await readAll(s, m);

    const wrong = right.map((a, i) =>
      i < 2 ? { ...a, chosen: a.chosen.length > 1 ? [a.chosen[0]] : [(a.chosen[0]! + 1) % 3] } : a,
    );
    const failed = await attempt(s, m, wrong);
    expect(failed.statusCode).toBe(201);
    expect(failed.json()).toMatchObject({
      score: right.length - 2,
      passed: false,
      certificate: null,
      passMark: 80,
    });
    // a failed attempt names the wrong answers, not the right ones
    expect(failed.json().questions[0]).toMatchObject({ right: false, correct: [], explanation: "" });

    const passed = (await attempt(s, m, right)).json();
    expect(passed).toMatchObject({ score: right.length, percent: 100, passed: true });
    expect(passed.questions[0]).toMatchObject({ right: true, correct: right[0]!.chosen });
    expect(passed.certificate.code).toMatch(/^[0-9A-Z]{4}-/);
    const again = (await attempt(s, m, right)).json();
    expect(again.certificate).toEqual(passed.certificate);

    const me = (await call(s, { method: "GET", url: `${API}/me` })).json();
    expect(me.competences).toEqual([
      expect.objectContaining({ code: "limitation_appeals", certificateCode: passed.certificate.code }),
    ]);
    expect(me.modules).toEqual([
      expect.objectContaining({
        code: "limitation-and-appeals",
        mine: expect.objectContaining({ attempts: 3, bestPercent: 100 }),
      }),
    ]);

    const { handle } = await testApp();
    const actions = await handle.db
      .selectFrom("audit_events")
      .select("action")
      .where("actor_id", "=", s.userId)
      .where("action", "like", "training.%")
      .execute();
    const count = (a: string) => actions.filter((x) => x.action === a).length;
    expect([
      count("training.enrolled"),
      count("training.page_read"),
      count("training.quiz_submitted"),
      count("training.certificate_issued"),
    ]).toEqual([1, m.pages.length, 3, 1]);
  });

  it("refuses answers that cannot be scored, and writes nothing for them", async () => {
    const s = await signedIn(["focal_person"]);
    const m = await moduleByCode(s, "using-cams");
    await readAll(s, m);
    const right = await rightAnswers(m.id);
    const q0 = right[0]!.questionId;
    const cases: [unknown[], number, string][] = [
      [[right[0], right[0]], 400, "validation_failed"],
      [[{ questionId: "00000000-0000-4000-8000-000000000000", chosen: [0] }], 422, "unknown_question"],
      [[{ questionId: q0, chosen: [7] }], 422, "unknown_option"],
      [[{ questionId: q0, chosen: [0, 0] }], 400, "validation_failed"],
      [[{ questionId: q0, chosen: ["0"] }], 400, "validation_failed"],
    ];
    for (const [answers, status, code] of cases)
      expect((await attempt(s, m, answers)).json()).toMatchObject({ status, code });
    expect((await attempt(s, { ...m, version: m.version + 1 }, right)).json()).toMatchObject({
      status: 409,
      code: "module_changed",
    });
    const other = await moduleByCode(s, "mla-drafting");
    expect(
      (await call(s, { method: "POST", url: `${API}/modules/${m.id}/pages/${other.pages[0].id}/read` }))
        .statusCode,
    ).toBe(404);
    const { handle } = await testApp();
    const attempts = await handle.db
      .selectFrom("training_attempts as a")
      .innerJoin("training_enrolments as e", "e.id", "a.enrolment_id")
      .select("a.id")
      .where("e.user_id", "=", s.userId)
      .execute();
    expect(attempts).toEqual([]);
  });
});

describe("certificates", () => {
  it("are confirmed by the public page; a forged, mistyped or revoked code is not", async () => {
    const s = await signedIn(["law_officer"]);
    const cert = await complete(s, "electronic-evidence-preservation");
    const verify = (code: string) =>
      call(null, { method: "GET", url: `/api/v1/public/certificates/${encodeURIComponent(code)}` });

    const ok = await verify(cert.code.toLowerCase());
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["cache-control"]).toBe("no-store");
    expect(ok.json()).toMatchObject({
      status: "valid",
      code: cert.code,
      competence: { nameEn: "Preserving electronic evidence" },
      revokedOn: null,
    });
    const { handle } = await testApp();
    const holder = await handle.db
      .selectFrom("users")
      .select("full_name")
      .where("id", "=", s.userId)
      .executeTakeFirstOrThrow();
    expect(ok.json().holderName).toBe(holder.full_name);

    // well-formed with a right check symbol, but never issued
    const forged = makeCertificateCode(Uint8Array.from({ length: 15 }, (_, i) => i * 3));
    const mistyped = cert.code.slice(0, 5) + (cert.code[5] === "A" ? "B" : "A") + cert.code.slice(6);
    for (const code of [forged, mistyped, "not-a-code", "x".repeat(64)])
      expect((await verify(code)).json()).toMatchObject({ status: 404, code: "certificate_not_found" });

    const learner = await signedIn(["law_officer"]);
    const admin = await signedIn(["administrator"]);
    const revoke = (who: Session) =>
      call(who, {
        method: "POST",
        url: `${API}/certificates/${cert.id}/revoke`,
        body: { reason: "Quiz answers shared" },
      });
    expect((await revoke(s)).statusCode).toBe(403);
    expect((await revoke(admin)).json()).toMatchObject({ id: cert.id, revokeReason: "Quiz answers shared" });
    expect((await revoke(admin)).json()).toMatchObject({ status: 409, code: "already_revoked" });
    expect((await verify(cert.code)).json()).toMatchObject({
      status: "revoked",
      revokedOn: expect.any(String),
    });
    expect((await call(s, { method: "GET", url: `${API}/me` })).json().competences).toEqual([]);
    expect(
      (await call(s, { method: "GET", url: `${API}/certificates/${cert.id}/pdf` })).json(),
    ).toMatchObject({ status: 409, code: "certificate_revoked" });
    expect(
      (await call(learner, { method: "GET", url: `${API}/certificates/${cert.id}/pdf` })).statusCode,
    ).toBe(404);
  });

  it("prints as a PDF for its holder with the code and the verification URL", async () => {
    const s = await signedIn(["law_officer"]);
    const cert = await complete(s, "using-cams");
    const pdf = await call(s, { method: "GET", url: `${API}/certificates/${cert.id}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = pdf.rawPayload.toString("latin1");
    expect(text.startsWith("%PDF")).toBe(true);
    expect(pdfText(text)).toContain(`/verify/${cert.code}`);
    expect(pdfText(text)).toContain("Certificate of completion");
    const other = await signedIn(["law_officer"]);
    expect((await call(other, { method: "GET", url: `${API}/certificates` })).json().items).toEqual([]);
    expect((await call(other, { method: "GET", url: `${API}/certificates/${cert.id}/pdf` })).statusCode).toBe(
      404,
    );
  });
});

describe("completion report", () => {
  it("counts people, enrolments and completions by organisation and module, within the reader's oversight", async () => {
    const nodal = await signedIn(["nodal_officer"]);
    const done = await signedIn(["focal_person"], nodal.organisationId);
    const started = await signedIn(["focal_person"], nodal.organisationId);
    await complete(done, "using-cams");
    const m = await moduleByCode(started, "using-cams");
    await call(started, { method: "POST", url: `${API}/modules/${m.id}/enrolment` });

    const report = (await call(nodal, { method: "GET", url: `${API}/completion?moduleId=${m.id}` })).json();
    expect(report.rows).toEqual([
      expect.objectContaining({
        organisation: expect.objectContaining({ id: nodal.organisationId }),
        people: 3,
        enrolled: 2,
        completed: 1,
        completionPercent: 33.3,
        revoked: 0,
      }),
    ]);
    const elsewhere = await signedIn(["nodal_officer"]);
    expect(
      (
        await call(nodal, {
          method: "GET",
          url: `${API}/completion?organisationId=${elsewhere.organisationId}`,
        })
      ).statusCode,
    ).toBe(404);
    expect((await call(done, { method: "GET", url: `${API}/completion` })).statusCode).toBe(403);

    const ministry = await signedIn(["law_ministry"]);
    const all = (
      await call(ministry, {
        method: "GET",
        url: `${API}/completion?organisationId=${nodal.organisationId}&moduleId=${m.id}`,
      })
    ).json();
    expect(all.rows).toEqual(report.rows);
    const csv = await call(nodal, {
      method: "GET",
      url: `${API}/completion/export?format=csv&moduleId=${m.id}`,
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain("Completion %");
    expect(lines[1]).toContain("33.3");
  });
});
