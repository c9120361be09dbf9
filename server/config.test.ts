import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";
const s3Env = {
  CAMS_STORAGE: "s3",
  CAMS_S3_ENDPOINT: "https://s3.eu-west-1.amazonaws.com",
  CAMS_S3_BUCKET: "cams-documents",
  CAMS_S3_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  CAMS_S3_SECRET_ACCESS_KEY: SECRET,
};

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error("expected a ConfigError");
}

describe("storage settings", () => {
  it("keeps documents on the local disk under the data directory by default", () => {
    expect(loadConfig({ CAMS_DATA_DIR: "/srv/cams" }).storage).toEqual({
      kind: "local",
      root: path.join("/srv/cams", "blobs"),
    });
  });

  it("ignores the S3 settings unless CAMS_STORAGE=s3", () => {
    const { CAMS_STORAGE: _, ...rest } = s3Env;
    expect(loadConfig(rest).storage.kind).toBe("local");
  });

  it("reads an S3 store with its defaults: region us-east-1, no prefix, path-style addressing", () => {
    expect(loadConfig(s3Env).storage).toEqual({
      kind: "s3",
      endpoint: "https://s3.eu-west-1.amazonaws.com",
      region: "us-east-1",
      bucket: "cams-documents",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: SECRET,
      prefix: "",
      pathStyle: true,
    });
  });

  it("reads the optional S3 settings", () => {
    const storage = loadConfig({
      ...s3Env,
      CAMS_S3_REGION: "eu-west-1",
      CAMS_S3_PREFIX: "cams/prod/",
      CAMS_S3_PATH_STYLE: "false",
    }).storage;
    expect(storage).toMatchObject({ region: "eu-west-1", prefix: "cams/prod/", pathStyle: false });
  });

  it("names every S3 setting CAMS_STORAGE=s3 is missing (empty counts as missing)", () => {
    const message = configError({ CAMS_STORAGE: "s3", CAMS_S3_BUCKET: "" });
    for (const name of [
      "CAMS_S3_ENDPOINT",
      "CAMS_S3_BUCKET",
      "CAMS_S3_ACCESS_KEY_ID",
      "CAMS_S3_SECRET_ACCESS_KEY",
    ]) {
      expect(message).toContain(`${name}: required when CAMS_STORAGE=s3`);
    }
    expect(configError({ ...s3Env, CAMS_S3_ACCESS_KEY_ID: "" })).toBe(
      "Invalid configuration:\n  CAMS_S3_ACCESS_KEY_ID: required when CAMS_STORAGE=s3",
    );
  });

  it("rejects bad S3 values without echoing the secret", () => {
    const message = configError({
      ...s3Env,
      CAMS_STORAGE: "gcs",
      CAMS_S3_ENDPOINT: `https://user:${SECRET}@s3.example.test`,
      CAMS_S3_BUCKET: "no/slashes",
      CAMS_S3_PREFIX: "../escape",
      CAMS_S3_PATH_STYLE: "maybe",
    });
    for (const name of [
      "CAMS_STORAGE",
      "CAMS_S3_ENDPOINT",
      "CAMS_S3_BUCKET",
      "CAMS_S3_PREFIX",
      "CAMS_S3_PATH_STYLE",
    ]) {
      expect(message).toContain(`${name}:`);
    }
    expect(message).not.toContain(SECRET);
    expect(configError({ ...s3Env, CAMS_S3_ENDPOINT: "ftp://s3.example.test" })).toContain(
      "CAMS_S3_ENDPOINT:",
    );
  });

  it("refuses a clear-text endpoint in production unless told the store is on a private network", () => {
    const plain = {
      ...s3Env,
      CAMS_S3_ENDPOINT: "http://minio.internal:9000",
      NODE_ENV: "production",
      CAMS_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
    };
    expect(configError(plain)).toContain("CAMS_S3_ENDPOINT: must be https in production");
    expect(loadConfig({ ...plain, CAMS_S3_ALLOW_HTTP: "true" }).storage.kind).toBe("s3");
    expect(loadConfig({ ...plain, NODE_ENV: "development" }).storage.kind).toBe("s3");
  });
});

describe("second factor settings", () => {
  it("requires a 32-byte secret key in production; makes privileged roles use a second factor there", () => {
    expect(configError({ NODE_ENV: "production" })).toContain("CAMS_SECRET_KEY: required in production");
    expect(configError({ CAMS_SECRET_KEY: Buffer.alloc(16).toString("base64") })).toContain("32 bytes");
    const key = Buffer.alloc(32, 1).toString("base64");
    const production = loadConfig({ NODE_ENV: "production", CAMS_SECRET_KEY: key });
    expect(production.secretKey.equals(Buffer.alloc(32, 1))).toBe(true);
    expect([...production.mfaRoles].sort()).toEqual([
      "administrator",
      "assigning_officer",
      "auditor",
      "central_authority",
      "law_ministry",
    ]);
    expect(loadConfig({}).mfaRoles.size).toBe(0);
    expect(
      loadConfig({ NODE_ENV: "production", CAMS_SECRET_KEY: key, CAMS_MFA_ROLES: "none" }).mfaRoles.size,
    ).toBe(0);
    expect([...loadConfig({ CAMS_MFA_ROLES: "auditor, administrator" }).mfaRoles]).toEqual([
      "auditor",
      "administrator",
    ]);
    expect(configError({ CAMS_MFA_ROLES: "auditor,king" })).toContain("CAMS_MFA_ROLES");
  });
});

describe("start-up settings", () => {
  it("migrates at start unless CAMS_MIGRATE=off", () => {
    expect(loadConfig({}).migrate).toBe(true);
    expect(loadConfig({ CAMS_MIGRATE: "off" }).migrate).toBe(false);
    expect(configError({ CAMS_MIGRATE: "later" })).toContain("CAMS_MIGRATE:");
  });
});

describe("trusted proxies", () => {
  it("believes X-Forwarded-For from anyone only in production, unless told which hops or addresses", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ CAMS_TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).trustProxy).toBe(
      "10.0.0.0/8, 127.0.0.1",
    );
    expect(loadConfig({ CAMS_TRUST_PROXY: "false" }).trustProxy).toBe(false);
    const oneHop = loadConfig({ CAMS_TRUST_PROXY: "1" }).trustProxy as (a: string, hop: number) => boolean;
    expect([oneHop("10.0.0.1", 0), oneHop("10.0.0.2", 1)]).toEqual([true, false]);
  });
});
