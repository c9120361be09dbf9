/** The timed HTTP calls of bench/assignment.bench.ts: single-case suggestions, bulk preview + commit, verify. */
import { cpuMs, expectStatus, type Res, request, type Server, type Session } from "./bench-server.ts";

export type Suggest = {
  times: number[];
  bytes: number;
  candidates: number;
  excluded: number;
  steps: Set<string>;
};

export async function suggestions(
  base: string,
  s: Session,
  ids: string[],
  warmIds: string[],
): Promise<Suggest> {
  for (const id of warmIds) {
    expectStatus(
      await request(base, "POST", `/api/v1/cases/${id}/suggestion`, s, {}),
      201,
      "warm-up suggestion",
    );
  }
  const out: Suggest = { times: [], bytes: 0, candidates: 0, excluded: 0, steps: new Set() };
  for (const id of ids) {
    const res = await request(base, "POST", `/api/v1/cases/${id}/suggestion`, s, {});
    expectStatus(res, 201, `suggestion for ${id}`);
    out.times.push(res.ms);
    out.bytes += res.bytes;
    const body = JSON.parse(res.text) as PreviewBody;
    const d = body.items[0]!.decision;
    out.candidates += d.candidates.length + (d.omitted?.candidates ?? 0);
    out.excluded += d.excluded.length + (d.omitted?.excluded ?? 0);
    out.steps.add(d.step);
  }
  out.times.sort((a, b) => a - b);
  return out;
}

export type PreviewBody = {
  batchId: string;
  items: {
    caseId: string;
    decision: {
      chosenOfficerId: string | null;
      step: string;
      candidates: unknown[];
      excluded: unknown[];
      omitted?: { candidates: number; excluded: number };
    };
  }[];
};
export type CommitBody = {
  assigned: number;
  queued: number;
  items: { officerId: string | null; step: string }[];
};
export type VerifyBody = { checked: number; reproduced: number; failures: { difference: string }[] };

export type Bulk = {
  label: string;
  preview: Res;
  previewParse: number;
  commit: Res;
  total: number;
  assigned: number;
  queued: number;
  steps: Record<string, number>;
  sameAsPreview: number;
  serverCpu: { preview: number | null; commit: number | null };
};

export async function bulk(server: Server, s: Session, label: string, ids: string[]): Promise<Bulk> {
  const cpu0 = cpuMs(server.pid);
  const preview = await request(server.url, "POST", "/api/v1/assignment/preview", s, { caseIds: ids });
  const cpu1 = cpuMs(server.pid);
  expectStatus(preview, 201, "bulk preview");
  const p0 = performance.now();
  const body = JSON.parse(preview.text) as PreviewBody;
  const previewParse = performance.now() - p0;
  const cpu2 = cpuMs(server.pid);
  const commit = await request(
    server.url,
    "POST",
    `/api/v1/assignment/batches/${body.batchId}/commit`,
    s,
    {},
  );
  const cpu3 = cpuMs(server.pid);
  expectStatus(commit, 200, "bulk commit");
  const c = JSON.parse(commit.text) as CommitBody;
  const steps: Record<string, number> = {};
  let same = 0;
  for (const [i, item] of c.items.entries()) {
    steps[item.step] = (steps[item.step] ?? 0) + 1;
    if (item.officerId === body.items[i]!.decision.chosenOfficerId) same++;
  }
  const d = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return {
    label,
    preview,
    previewParse,
    commit,
    total: preview.ms + commit.ms,
    assigned: c.assigned,
    queued: c.queued,
    steps,
    sameAsPreview: same,
    serverCpu: { preview: d(cpu0, cpu1), commit: d(cpu2, cpu3) },
  };
}

export async function verify(base: string, s: Session): Promise<{ res: Res; body: VerifyBody }> {
  const res = await request(base, "GET", "/api/v1/assignment/verify", s);
  expectStatus(res, 200, "verify");
  return { res, body: JSON.parse(res.text) as VerifyBody };
}
