/**
 * Route option for large responses that the service builds in the schema's shape: serialise them with
 * JSON.stringify instead of first checking every field against the zod schema. The schema still documents the
 * route in OpenAPI, and the tests parse these responses with it. A 10,000-case preview spent half a second in
 * that check.
 */
export const plainJsonResponse = {
  serializerCompiler: () => (data: unknown) => JSON.stringify(data),
};
