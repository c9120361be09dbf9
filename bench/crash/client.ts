/**
 * The crash run's HTTP client: a signed-in demo user and one request at a time. A request whose answer never
 * arrives (the server was killed) rejects; only a complete 2xx answer counts as acknowledged.
 */
export type Session = { base: string; cookie: string; csrf: string; userId: string };
/** A JSON answer, read field by field as tests read `res.json()`. */
// biome-ignore lint/suspicious/noExplicitAny: the API's answers are checked by the reader, not by a type
export type Json = any;
export type Answer = { status: number; body: Json };

/** Logs in as a demo account; `base` is the server's URL and may be changed after a restart. */
export async function login(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login ${username} → HTTP ${res.status}: ${text.slice(0, 500)}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("cams_session="));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  const body = JSON.parse(text);
  return { base, cookie: cookie.split(";")[0]!, csrf: body.csrfToken, userId: body.user.id };
}

/** One request as the session; resolves only once the whole answer has been read. */
export async function send(
  s: Session,
  method: "GET" | "POST" | "PATCH",
  path: string,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = { cookie: s.cookie, accept: "application/json" };
  if (method !== "GET") headers["x-csrf-token"] = s.csrf;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${s.base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Like send, but any answer other than `status` is an error (for set-up requests, not the crash's writes). */
export async function expectAnswer(
  s: Session,
  status: number,
  method: "GET" | "POST" | "PATCH",
  path: string,
  body?: unknown,
): Promise<Json> {
  const res = await send(s, method, path, body);
  if (res.status !== status)
    throw new Error(`${method} ${path} → HTTP ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
}
