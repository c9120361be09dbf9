/**
 * The concurrent writers of a crash run: each owns its cases (so its writes never conflict with another's) and
 * loops — edit a case's title, schedule a hearing, assign or unassign a law officer, register a case — until
 * told to stop or the server dies. Every write answered 2xx is recorded as acknowledged, with what it made true;
 * the one write in flight when the server died is kept as `pending`: it may have committed, but only whole.
 */
import { type Answer, type Json, type Session, send } from "./client.ts";

/** A case as a writer last saw it acknowledged, and the state its unanswered write would have left. */
export type TrackedCase = {
  id: string;
  version: number;
  title: string;
  officerId: string | null;
  pending: { version: number; title: string; officerId: string | null } | null;
};

export type AcknowledgedHearing = { id: string; caseId: string; date: string; purpose: string };

export type Ledger = {
  cases: TrackedCase[];
  hearings: AcknowledgedHearing[];
  /** Writes answered 2xx in this run, by kind. */
  acknowledged: { patch: number; hearing: number; assignment: number; create: number };
  /** Writes sent but never answered (the server died under them). */
  unanswered: number;
  /** Writes answered with anything but 2xx (must stay 0: each writer owns its cases). */
  refused: { status: number; what: string; body: unknown }[];
};

export type World = {
  runTag: string;
  editor: Session;
  assigner: Session;
  courtId: string;
  caseTypeId: string;
  officerIds: string[];
};

export function newLedger(): Ledger {
  return {
    cases: [],
    hearings: [],
    acknowledged: { patch: 0, hearing: 0, assignment: 0, create: 0 },
    unanswered: 0,
    refused: [],
  };
}

let counter = 0;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** A new case's body; its title carries the run's tag, by which the checks find every case the run made. */
const RUN_OFFSET = Math.floor(Math.random() * 50_000);

export function newCaseBody(world: World, writer: number) {
  counter += 1;
  return {
    courtId: world.courtId,
    caseTypeId: world.caseTypeId,
    // unique within the run (a writer's own range, its own counter); the run's offset keeps runs apart
    number: 1_000_000 + RUN_OFFSET + writer * 100_000 + counter,
    year: 2024,
    title: `Crash ${world.runTag} w${writer} created ${counter}`,
    subject: "Crash-consistency run",
    category: "service",
    parties: [
      { side: "petitioner", name: "Crash Petitioner" },
      { side: "respondent", name: "Federation of Pakistan" },
    ],
  };
}

/** One write; false once the server stops answering (the writer then stops). */
async function writeOnce(world: World, ledger: Ledger, writer: number, mine: TrackedCase[]) {
  const c = mine.length > 0 ? pick(mine) : null;
  const kind = c === null ? "create" : pick(["patch", "patch", "hearing", "assignment", "create"] as const);
  counter += 1;
  let request: () => Promise<Answer>;
  let onAcknowledged: (body: Json) => void;
  let pending: TrackedCase["pending"] = null;
  if (kind === "create" || c === null) {
    const body = newCaseBody(world, writer);
    request = () => send(world.editor, "POST", "/api/v1/cases", body);
    onAcknowledged = (b) => {
      const created = { id: b.id, version: b.version, title: b.title, officerId: null, pending: null };
      mine.push(created);
      ledger.cases.push(created);
    };
  } else if (kind === "patch") {
    const title = `Crash ${world.runTag} w${writer} edit ${counter}`;
    pending = { version: c.version + 1, title, officerId: c.officerId };
    request = () => send(world.editor, "PATCH", `/api/v1/cases/${c.id}`, { version: c.version, title });
    onAcknowledged = (b) => Object.assign(c, { version: b.version, title: b.title });
  } else if (kind === "hearing") {
    const date = `2027-0${1 + (counter % 9)}-${String(1 + (counter % 28)).padStart(2, "0")}`;
    const purpose = `crash ${world.runTag} hearing ${counter}`;
    request = () => send(world.editor, "POST", `/api/v1/cases/${c.id}/hearings`, { date, purpose });
    onAcknowledged = (b) => ledger.hearings.push({ id: b.id, caseId: c.id, date, purpose });
  } else {
    const officerId = c.officerId === null ? pick(world.officerIds) : pick([null, ...world.officerIds]);
    const target = officerId === c.officerId ? null : officerId;
    pending = { version: c.version + 1, title: c.title, officerId: target };
    const body = { version: c.version, officerId: target, reason: `crash run ${counter}` };
    request = () => send(world.assigner, "POST", `/api/v1/cases/${c.id}/assignment`, body);
    onAcknowledged = (b) =>
      Object.assign(c, { version: b.version, officerId: b.assignedOfficer?.id ?? null });
  }
  if (c) c.pending = pending;
  let answer: Answer;
  try {
    answer = await request();
  } catch {
    ledger.unanswered += 1;
    return false; // the server is gone; what this write did is the checks' business
  }
  if (c) c.pending = null;
  if (answer.status >= 200 && answer.status < 300) {
    onAcknowledged(answer.body);
    ledger.acknowledged[kind] += 1;
  } else {
    ledger.refused.push({ status: answer.status, what: `${kind} ${c?.id ?? "new"}`, body: answer.body });
  }
  return true;
}

/** Runs `workers` writers until `stop()` is called or the server dies; resolves when all have stopped. */
export function startWriters(world: World, ledger: Ledger, workers: number) {
  let stopping = false;
  const loops = Array.from({ length: workers }, async (_, writer) => {
    const mine = ledger.cases.filter((c) => c.title.includes(` w${writer} `));
    while (!stopping && (await writeOnce(world, ledger, writer, mine))) {
      // next write at once: the point is to have writes in flight when the kill lands
    }
  });
  return {
    stop: () => {
      stopping = true;
    },
    done: Promise.all(loops),
  };
}
