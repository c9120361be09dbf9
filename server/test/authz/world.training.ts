import { randomUUID } from "node:crypto";
import { makeCertificateCode } from "../../../common/training/certificate-code.ts";
import { testApp } from "../harness.ts";

/**
 * Training records for the authorization matrix, written straight to the database (the API's own path is
 * training.test.ts's subject): a published module with one page and one question, and a certificate of a
 * fresh module for a holder — each call a new one, for requests that change what they name.
 */
export async function newTrainingModule(opts: { published?: boolean } = {}) {
  const { handle } = await testApp();
  const db = handle.db;
  const module = await db
    .insertInto("training_modules")
    .values({
      code: `mx-${randomUUID().slice(0, 12)}`,
      title: "Matrix module",
      language: "en",
      duration_minutes: 5,
      topic: "cams",
      competence_code: "cams_use",
      pass_mark: 50,
      published: opts.published ?? true,
    })
    .returning(["id", "code", "version"])
    .executeTakeFirstOrThrow();
  const page = await db
    .insertInto("training_pages")
    .values({ module_id: module.id, position: 1, title: "Only page", body: "Read me." })
    .returning("id")
    .executeTakeFirstOrThrow();
  const question = await db
    .insertInto("training_questions")
    .values({
      module_id: module.id,
      position: 1,
      prompt: "Pick the second",
      options: ["A", "B"],
      correct: [1],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ...module, pageId: page.id, questionId: question.id };
}

export async function newCertificate(holderId: string) {
  const { handle } = await testApp();
  const db = handle.db;
  const module = await newTrainingModule();
  const enrolment = await db
    .insertInto("training_enrolments")
    .values({ user_id: holderId, module_id: module.id, completed_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  const attempt = await db
    .insertInto("training_attempts")
    .values({
      enrolment_id: enrolment.id,
      module_version: 1,
      answers: "[]",
      score: 1,
      total: 1,
      percent: 100,
      passed: true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const random = Uint8Array.from(randomUUID().replaceAll("-", "").slice(0, 15), (c) => c.charCodeAt(0));
  return db
    .insertInto("training_certificates")
    .values({
      code: makeCertificateCode(random),
      enrolment_id: enrolment.id,
      attempt_id: attempt.id,
      user_id: holderId,
      module_id: module.id,
      competence_code: "cams_use",
      module_code: module.code,
      module_title: "Matrix module",
      module_version: 1,
      pass_mark: 50,
      duration_minutes: 5,
      percent: 100,
    })
    .returning(["id", "code"])
    .executeTakeFirstOrThrow();
}

export async function newAttachment(pageId: string, uploadedBy: string) {
  const { handle } = await testApp();
  const sha256 = `${"0".repeat(63)}1`;
  await handle.db
    .insertInto("blobs")
    .values({ sha256, size_bytes: 1, media_type: "application/pdf" })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
  return handle.db
    .insertInto("training_attachments")
    .values({
      page_id: pageId,
      blob_sha256: sha256,
      file_name: "x.pdf",
      media_type: "application/pdf",
      size_bytes: 1,
      uploaded_by: uploadedBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}
