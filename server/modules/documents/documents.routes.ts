import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  documentItem,
  documentList,
  documentUploadFields,
  documentVersionParams,
} from "../../../common/schemas/documents.ts";
import { idParams } from "../../../common/schemas/shared.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { readFileUpload } from "../../platform/http/multipart.ts";
import * as documents from "./documents.service.ts";
import { contentDisposition } from "./documents.sniff.ts";

const tags = ["documents"];

const UPLOAD_DESCRIPTION =
  "multipart/form-data with text fields `kind` and `title` (both required for a new document) and optional " +
  "`documentId` (to add a new version to that document of this case), then one file part named `file`. The " +
  "type is sniffed from the content: PDF, DOCX, PNG or JPEG. Larger than the configured limit → 413.";

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    "/cases/:id/documents",
    { schema: { tags, params: idParams, response: { 200: documentList } } },
    (req) => documents.listCaseDocuments(db, requireActor(req), req.params.id),
  );

  // No zod `body` here: the multipart stream is read by hand below (the zod validator cannot see it), and
  // `consumes` tells the OpenAPI document what the route takes.
  app.post(
    "/cases/:id/documents",
    {
      schema: {
        tags,
        description: UPLOAD_DESCRIPTION,
        consumes: ["multipart/form-data"],
        params: idParams,
        response: { 201: documentItem },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await documents.checkUploadAllowed(db, actor, req.params.id);
      const upload = await readUpload(req);
      const item = await documents.uploadDocument(app.deps, actor, req.params.id, upload);
      return reply.status(201).send(item);
    },
  );

  app.get(
    "/documents/:id/versions/:version/download",
    {
      schema: {
        tags,
        description:
          "The version's bytes as an attachment. Every download is recorded in the case's history.",
        params: documentVersionParams,
      },
    },
    async (req, reply) => {
      const file = await documents.downloadVersion(
        app.deps,
        requireActor(req),
        req.params.id,
        req.params.version,
      );
      return reply
        .header("content-disposition", contentDisposition(file.fileName))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .type(file.mediaType)
        .send(file.bytes);
    },
  );
};

function readUpload(req: FastifyRequest): Promise<documents.Upload> {
  return readFileUpload(req, documentUploadFields, { what: "the document", repeated: "list" });
}
