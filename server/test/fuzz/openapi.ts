import { testApp } from "../harness.ts";

/** The subset of JSON Schema that fastify-type-provider-zod's jsonSchemaTransform emits for this API. */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export type Parameter = {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
};

export type Operation = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The OpenAPI path template, e.g. /api/v1/cases/{id}/links/{linkId}. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body's schema, when the operation documents one. */
  body: JsonSchema | undefined;
  bodyRequired: boolean;
  /** A file upload: documented in prose only (the route reads the multipart stream itself). */
  multipart: boolean;
};

type OpenApiOperation = {
  parameters?: Parameter[];
  description?: string;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
};

/** Every operation of the OpenAPI 3.1 document the app itself serves at /api/docs/json. */
export async function loadOperations(): Promise<Operation[]> {
  const { app } = await testApp();
  const res = await app.inject({ method: "GET", url: "/api/docs/json" });
  if (res.statusCode !== 200) throw new Error(`GET /api/docs/json answered ${res.statusCode}`);
  const doc = res.json() as { openapi: string; paths: Record<string, Record<string, OpenApiOperation>> };
  if (!doc.openapi.startsWith("3.1")) throw new Error(`expected OpenAPI 3.1, got ${doc.openapi}`);
  // jsonSchemaTransform inlines every schema today; a shared component would need resolving first.
  if (JSON.stringify(doc.paths).includes('"$ref"')) throw new Error("the fuzzer does not resolve $ref yet");
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = op.parameters ?? [];
      const json = op.requestBody?.content?.["application/json"]?.schema;
      operations.push({
        method: method.toUpperCase() as Operation["method"],
        path,
        pathParams: params.filter((p) => p.in === "path"),
        queryParams: params.filter((p) => p.in === "query"),
        body: json,
        bodyRequired: op.requestBody?.required ?? false,
        multipart: method !== "get" && !json && /multipart/i.test(op.description ?? ""),
      });
    }
  }
  return operations;
}

export const operationName = (op: Operation) => `${op.method} ${op.path}`;
