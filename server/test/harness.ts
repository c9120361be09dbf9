import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { type DatabaseHandle, openDatabase } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { loadDefaultWeights } from "../modules/assignment/policies.service.ts";
import { loadLimitationReference } from "../modules/deadlines/deadlines.reference.ts";
import { loadMlaReference } from "../modules/mla/mla.reference.ts";
import { loadReferenceData } from "../modules/reference/reference.loader.ts";
import { loadTrainingReference } from "../modules/training/training.reference.ts";
import { LocalDiskStorage } from "../platform/storage/storage.ts";

/**
 * One database and one app per test worker (PGlite costs seconds to start). Tests isolate themselves by
 * making their own organisations and users, never by a fresh database. With TEST_DATABASE_URL set the same
 * suite runs against that PostgreSQL server, each worker in its own database named after it (`<db>_w<N>`,
 * made afresh for the run) — as the workers' PGlite databases are their own — so a test that counts rows
 * (the bad-input suite checks that nothing was written) never sees another worker's writes.
 */
async function workerDatabase(base: string): Promise<string> {
  const url = new URL(base);
  // the run (the workers' parent process) and the worker: two runs against one server never share a database
  const name = `${url.pathname.slice(1)}_r${process.ppid}_w${process.env.VITEST_POOL_ID ?? "1"}`;
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`test database name ${name} is not a plain identifier`);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

let shared:
  | Promise<{ handle: DatabaseHandle; app: FastifyInstance; databaseUrl: string | undefined }>
  | undefined;

export function testApp() {
  shared ??= (async () => {
    const base = process.env.TEST_DATABASE_URL || undefined;
    const databaseUrl = base ? await workerDatabase(base) : undefined;
    const handle = await openDatabase({ databaseUrl, dataDir: "memory" });
    await migrateToLatest(handle.db);
    await loadReferenceData(handle.db);
    await loadDefaultWeights(handle.db);
    await loadLimitationReference(handle.db);
    await loadMlaReference(handle.db);
    await loadTrainingReference(handle.db);
    const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-blobs-"));
    const config = {
      ...loadConfig({
        NODE_ENV: "test",
        CAMS_UPLOAD_MAX_MB: "2",
        CAMS_LOGIN_MAX_FAILURES: "5",
        CAMS_LOGIN_RATE_PER_MINUTE: "100000",
        CAMS_DAILY_HEARING_LIMIT: "3",
      }),
      logLevel: "silent",
    };
    const app = await buildApp(
      { db: handle.db, config, storage: new LocalDiskStorage(blobDir) },
      { logger: false },
    );
    await app.ready();
    return { handle, app, databaseUrl };
  })();
  return shared;
}

export type Session = { cookie: string; csrf: string; userId: string };

export type Call = {
  method: "GET" | "POST" | "PATCH" | "DELETE" | "PUT";
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  payload?: Buffer | string;
};

/** Sends a request as the given session (or anonymously), with the CSRF header on writes. */
export async function call(session: Session | null, c: Call): Promise<LightMyRequestResponse> {
  const { app } = await testApp();
  const headers: Record<string, string> = { ...(c.headers ?? {}) };
  if (session) {
    headers.cookie = session.cookie;
    if (c.method !== "GET") headers["x-csrf-token"] = session.csrf;
  }
  return app.inject({
    method: c.method,
    url: c.url,
    headers,
    ...(c.payload !== undefined
      ? { payload: c.payload }
      : c.body !== undefined
        ? { payload: c.body as object }
        : {}),
  });
}

export async function login(username: string, password: string): Promise<Session> {
  const res = await call(null, { method: "POST", url: "/api/v1/auth/login", body: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === "cams_session");
  if (!setCookie) throw new Error("no session cookie");
  return {
    cookie: `cams_session=${setCookie.value}`,
    csrf: res.json().csrfToken,
    userId: res.json().user.id,
  };
}
