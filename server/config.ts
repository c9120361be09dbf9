import { createHash } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { isRole, type Role } from "../common/roles.ts";
import { S3_PREFIX } from "./platform/storage/s3.ts";

/** Every setting CAMS reads, from the environment, validated once at start-up. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  CAMS_DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  CAMS_DATA_DIR: z.string().min(1).default("./data"),
  CAMS_PUBLIC_URL: z.url().optional(),
  CAMS_SEED_DEMO: z.enum(["auto", "always", "never"]).default("auto"),
  CAMS_COOKIE_SECURE: z.stringbool().optional(),
  CAMS_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  CAMS_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  CAMS_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  CAMS_LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  CAMS_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  CAMS_MFA_ROLES: z
    .string()
    .refine(
      (s) => s.split(",").every((r) => ["", "none"].includes(r.trim()) || isRole(r.trim())),
      "must be role codes (administrator,auditor) or none",
    )
    .optional(),
  CAMS_SECRET_KEY: z
    .base64()
    .refine(
      (s) => Buffer.from(s, "base64").length === 32,
      "must be 32 bytes in base64 (openssl rand -base64 32)",
    )
    .optional(),
  CAMS_PUBLIC_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  CAMS_PUBLIC_MASK_NAMES: z.stringbool().default(true),
  CAMS_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(25),
  CAMS_DAILY_HEARING_LIMIT: z.coerce.number().int().min(1).max(100).default(6),
  CAMS_REMINDER_LEAD_DAYS: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, "must be days separated by commas, e.g. 7,3,1")
    .default("7,3,1"),
  CAMS_STALE_AFTER_DAYS: z.coerce.number().int().min(7).max(3650).default(90),
  CAMS_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  CAMS_MAIL_FROM: z.string().min(3).default("CAMS <no-reply@cams.invalid>"),
  CAMS_EXPORT_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  CAMS_JOBS: z.enum(["on", "off"]).default("on"),
  CAMS_DASHBOARD_EVERY_MINUTES: z.coerce
    .number()
    .int()
    .refine(
      (n) => [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60].includes(n),
      "must divide an hour: 1, 5, 10, 15, 30, 60…",
    )
    .default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CAMS_STORAGE: z.enum(["local", "s3"]).default("local"),
  CAMS_S3_ENDPOINT: z
    .url({ protocol: /^https?$/ })
    .refine(
      (u) => !new URL(u).username && !new URL(u).password,
      "must not hold credentials; use the key settings",
    )
    .optional(),
  CAMS_S3_REGION: z.string().min(1).default("us-east-1"),
  CAMS_S3_BUCKET: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/, "must be a bucket name (letters, digits, '.', '-', '_')")
    .optional(),
  CAMS_S3_ACCESS_KEY_ID: z.string().optional(),
  CAMS_S3_SECRET_ACCESS_KEY: z.string().optional(),
  CAMS_S3_PREFIX: z
    .string()
    .regex(S3_PREFIX, "must be path segments of letters, digits, '.', '-', '_', none starting with '.'")
    .optional(),
  CAMS_S3_PATH_STYLE: z.stringbool().default(true),
  CAMS_S3_ALLOW_HTTP: z.stringbool().default(false),
  CAMS_MIGRATE: z.enum(["on", "off"]).default("on"),
  CAMS_TRUST_PROXY: z.string().trim().max(500).optional(),
  CAMS_DRAIN_SECONDS: z.coerce.number().min(0).max(300).optional(),
  CAMS_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(30),
});

/** Settings that CAMS_STORAGE=s3 cannot do without; each missing one is named. */
const S3_REQUIRED = [
  "CAMS_S3_ENDPOINT",
  "CAMS_S3_BUCKET",
  "CAMS_S3_ACCESS_KEY_ID",
  "CAMS_S3_SECRET_ACCESS_KEY",
] as const;

const checkedEnvSchema = envSchema.superRefine((e, ctx) => {
  if (e.NODE_ENV === "production" && !e.CAMS_SECRET_KEY)
    ctx.addIssue({ code: "custom", path: ["CAMS_SECRET_KEY"], message: "required in production" });
  if (e.CAMS_STORAGE !== "s3") return;
  for (const name of S3_REQUIRED) {
    if (e[name] === undefined)
      ctx.addIssue({ code: "custom", path: [name], message: "required when CAMS_STORAGE=s3" });
  }
  // documents would cross the network in clear text
  const plain = e.CAMS_S3_ENDPOINT?.startsWith("http:");
  if (plain && e.NODE_ENV === "production" && !e.CAMS_S3_ALLOW_HTTP)
    ctx.addIssue({
      code: "custom",
      path: ["CAMS_S3_ENDPOINT"],
      message: "must be https in production (CAMS_S3_ALLOW_HTTP=true for a store on a private network)",
    });
});

/** Where document bytes live. The secret is never logged: nothing logs the config, and S3Storage keeps it private. */
export type StorageConfig =
  | { kind: "local"; root: string }
  | {
      kind: "s3";
      endpoint: string;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      prefix: string;
      pathStyle: boolean;
    };

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  databaseUrl: string | undefined;
  /** Connections each app process keeps to a PostgreSQL server (PostgreSQL's max_connections bounds the sum). */
  dbPoolSize: number;
  dataDir: string;
  publicUrl: string | undefined;
  seedDemo: "auto" | "always" | "never";
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  loginRatePerMinute: number;
  /** Roles that must sign in with a second factor (TOTP); one without it may only enrol. */
  mfaRoles: ReadonlySet<Role>;
  /** AES-256-GCM key for secrets kept at rest (TOTP secrets). Never logged, never sent. */
  secretKey: Buffer;
  /** Requests per minute per IP to the public (no-login) endpoints. */
  publicRatePerMinute: number;
  /** Private individuals' names shown as initials on the public pages. */
  publicMaskNames: boolean;
  uploadMaxBytes: number;
  /** More hearings than this for one officer on one day is flagged on the cause list. */
  dailyHearingLimit: number;
  /** Days before an internal due date on which reminders go out, largest first. */
  reminderLeadDays: number[];
  /** Days without an update after which an open case is stale, unless its organisation sets its own. */
  staleAfterDays: number;
  /** SMTP server for email; unset: messages are only recorded in the outbox (development). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Days a background export's file is kept after it is made; then it is deleted and the job expired. */
  exportKeepDays: number;
  /** Background jobs (reminders, escalation, digests, mail) in this process. */
  jobs: boolean;
  /** Apply pending migrations at start; off: refuse to start while any is pending (`cams migrate` applies them). */
  migrate: boolean;
  /** Minutes between counts of the dashboards' pre-counted figures. */
  dashboardEveryMinutes: number;
  /**
   * On SIGTERM, seconds readiness answers 503 while requests are still served, so a load balancer stops
   * sending new ones before the listener closes (5 in production, 0 elsewhere).
   */
  drainSeconds: number;
  /**
   * Which peers' X-Forwarded-For to believe (the client address behind rate limits and the audit trail): false,
   * true (any), a hop count, or addresses/CIDRs. Production default true: CAMS sits behind a load balancer.
   */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  /** A shutdown that has not finished draining requests and jobs after this many seconds exits anyway. */
  shutdownTimeoutSeconds: number;
  logLevel: string;
  storage: StorageConfig;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = checkedEnvSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.CAMS_DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.CAMS_DB_POOL_SIZE,
    dataDir,
    publicUrl: e.CAMS_PUBLIC_URL,
    seedDemo: e.CAMS_SEED_DEMO,
    cookieSecure: e.CAMS_COOKIE_SECURE ?? e.NODE_ENV === "production",
    sessionIdleMinutes: e.CAMS_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.CAMS_SESSION_ABSOLUTE_HOURS,
    loginMaxFailures: e.CAMS_LOGIN_MAX_FAILURES,
    loginLockoutMinutes: e.CAMS_LOGIN_LOCKOUT_MINUTES,
    loginRatePerMinute: e.CAMS_LOGIN_RATE_PER_MINUTE,
    mfaRoles: mfaRoles(e.CAMS_MFA_ROLES, e.NODE_ENV),
    secretKey: e.CAMS_SECRET_KEY
      ? Buffer.from(e.CAMS_SECRET_KEY, "base64")
      : // development and test only (production requires the setting): a fixed, public key
        createHash("sha256").update("cams-development-secret-key").digest(),
    publicRatePerMinute: e.CAMS_PUBLIC_RATE_PER_MINUTE,
    publicMaskNames: e.CAMS_PUBLIC_MASK_NAMES,
    uploadMaxBytes: e.CAMS_UPLOAD_MAX_MB * 1024 * 1024,
    dailyHearingLimit: e.CAMS_DAILY_HEARING_LIMIT,
    reminderLeadDays: [...new Set(e.CAMS_REMINDER_LEAD_DAYS.split(",").map(Number))].sort((a, b) => b - a),
    staleAfterDays: e.CAMS_STALE_AFTER_DAYS,
    smtpUrl: e.CAMS_SMTP_URL,
    mailFrom: e.CAMS_MAIL_FROM,
    exportKeepDays: e.CAMS_EXPORT_KEEP_DAYS,
    jobs: e.CAMS_JOBS === "on",
    migrate: e.CAMS_MIGRATE === "on",
    dashboardEveryMinutes: e.CAMS_DASHBOARD_EVERY_MINUTES,
    drainSeconds: e.CAMS_DRAIN_SECONDS ?? (e.NODE_ENV === "production" ? 5 : 0),
    trustProxy: parseTrustProxy(e.CAMS_TRUST_PROXY, e.NODE_ENV === "production"),
    shutdownTimeoutSeconds: e.CAMS_SHUTDOWN_TIMEOUT_SECONDS,
    logLevel: e.LOG_LEVEL,
    storage:
      e.CAMS_STORAGE === "s3"
        ? {
            kind: "s3",
            // present: the refinement above makes them required for s3
            endpoint: e.CAMS_S3_ENDPOINT!,
            region: e.CAMS_S3_REGION,
            bucket: e.CAMS_S3_BUCKET!,
            accessKeyId: e.CAMS_S3_ACCESS_KEY_ID!,
            secretAccessKey: e.CAMS_S3_SECRET_ACCESS_KEY!,
            prefix: e.CAMS_S3_PREFIX ?? "",
            pathStyle: e.CAMS_S3_PATH_STYLE,
          }
        : { kind: "local", root: path.join(dataDir, "blobs") },
  };
}

/** Privileged roles sign in with a second factor in production; development and tests keep the demo's one step. */
const PRODUCTION_MFA_ROLES: Role[] = [
  "administrator",
  "auditor",
  "law_ministry",
  "central_authority",
  "assigning_officer",
];

function mfaRoles(setting: string | undefined, env: string): ReadonlySet<Role> {
  if (setting === undefined) return new Set(env === "production" ? PRODUCTION_MFA_ROLES : []);
  return new Set(
    setting
      .split(",")
      .map((r) => r.trim())
      .filter(isRole),
  );
}

/** `FOO=` in a shell means "not set", not "set to the empty string". */
function emptyToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === "" ? undefined : v]));
}

/** CAMS_TRUST_PROXY: "true"/"false", a hop count, or a comma list of addresses and CIDRs (proxy-addr's syntax). */
function parseTrustProxy(value: string | undefined, production: boolean): Config["trustProxy"] {
  if (value === undefined || value === "") return production;
  if (value === "true" || value === "false") return value === "true";
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}
