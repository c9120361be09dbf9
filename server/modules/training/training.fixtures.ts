import { expect } from "vitest";
import { call, type Session, testApp } from "../../test/harness.ts";

/** Test helpers for training: find a seeded module, read it, answer it right (answers read from the database). */
export const API = "/api/v1/training";

export async function moduleByCode(s: Session, code: string) {
  const list = (await call(s, { method: "GET", url: `${API}/modules` })).json();
  const found = list.items.find((m: { code: string }) => m.code === code);
  return (await call(s, { method: "GET", url: `${API}/modules/${found.id}` })).json();
}

/** The right answers, read from the database (learners never receive them). */
export async function rightAnswers(moduleId: string) {
  const { handle } = await testApp();
  const rows = await handle.db
    .selectFrom("training_questions")
    .select(["id", "correct"])
    .where("module_id", "=", moduleId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({ questionId: r.id, chosen: r.correct }));
}

export async function readAll(s: Session, m: { id: string; pages: { id: string }[] }) {
  for (const p of m.pages)
    expect(
      (await call(s, { method: "POST", url: `${API}/modules/${m.id}/pages/${p.id}/read` })).statusCode,
    ).toBe(200);
}

export const attempt = (s: Session, m: { id: string; version: number }, answers: unknown[]) =>
  call(s, {
    method: "POST",
    url: `${API}/modules/${m.id}/attempts`,
    body: { moduleVersion: m.version, answers },
  });

/** Completes a seeded module and returns its certificate. */
export async function complete(s: Session, code: string) {
  const m = await moduleByCode(s, code);
  await readAll(s, m);
  const passed = await attempt(s, m, await rightAnswers(m.id));
  expect(passed.statusCode).toBe(201);
  return passed.json().certificate as { id: string; code: string };
}
