import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  certificationBody,
  custodyBody,
  evidenceCreateBody,
  evidenceItem,
  evidenceList,
  evidenceUploadFields,
  itemParams,
} from "../../../../common/schemas/mla-evidence.ts";
import { idParams } from "../../../../common/schemas/shared.ts";
import { requireActor } from "../../../platform/auth/plugin.ts";
import { readFileUpload } from "../../../platform/http/multipart.ts";
import * as evidence from "./evidence.service.ts";

const tags = ["mla"];

const UPLOAD_DESCRIPTION =
  "multipart/form-data with text fields `label`, `sourceKind`, `sourceName`, `receivedAt` (ISO 8601 with offset), " +
  "optional `description`, `receivedBy`, `location` and `expectedSha256` (the hash the sender declared: a " +
  "different file answers 422 hash_mismatch), then one file part named `file`. The server computes the SHA-256 " +
  "and stores the file. Larger than the configured limit → 413.";

export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    "/mla/requests/:id/evidence",
    {
      schema: {
        tags,
        description: "The request's evidence items, each with its custody entries in the order recorded.",
        params: idParams,
        response: { 200: evidenceList },
      },
    },
    (req) => evidence.listEvidence(db, requireActor(req), req.params.id),
  );

  app.post(
    "/mla/requests/:id/evidence",
    {
      schema: {
        tags,
        description:
          "Records an item kept on its own media, with the SHA-256 typed from the forensic tool's report.",
        params: idParams,
        body: evidenceCreateBody,
        response: { 201: evidenceItem },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await evidence.addTypedItem(db, requireActor(req), req.params.id, req.body)),
  );

  // No zod `body`: the multipart stream is read by hand below; `consumes` documents it.
  app.post(
    "/mla/requests/:id/evidence/upload",
    {
      schema: {
        tags,
        description: UPLOAD_DESCRIPTION,
        consumes: ["multipart/form-data"],
        params: idParams,
        response: { 201: evidenceItem },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await evidence.checkMayAdd(db, actor, req.params.id);
      const upload = await readUpload(req);
      return reply.status(201).send(await evidence.addUploadedItem(app.deps, actor, req.params.id, upload));
    },
  );

  app.post(
    "/mla/evidence/:itemId/custody",
    {
      schema: {
        tags,
        description:
          "Appends a custody entry (entries are never changed or removed). An `examined` or `verified` entry " +
          "re-hashes the stored file — or compares `observedSha256` for media kept apart — and records whether " +
          "the hash still matches.",
        params: itemParams,
        body: custodyBody,
        response: { 201: evidenceItem },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await evidence.addCustodyEntry(app.deps, requireActor(req), req.params.itemId, req.body)),
  );

  app.post(
    "/mla/evidence/:itemId/certification",
    {
      schema: {
        tags,
        description:
          "Records how the item is certified (a stale `version` answers 409). Only the Central Authority records " +
          "its own certificate (Act s.4).",
        params: itemParams,
        body: certificationBody,
        response: { 200: evidenceItem },
      },
    },
    (req) => evidence.certify(db, requireActor(req), req.params.itemId, req.body),
  );

  app.get(
    "/mla/evidence/:itemId/file",
    {
      schema: {
        tags,
        description: "The item's stored file as an attachment; every download is audited.",
        params: itemParams,
      },
    },
    async (req, reply) => {
      const file = await evidence.downloadFile(app.deps, requireActor(req), req.params.itemId);
      return reply
        .header("content-disposition", evidence.contentDisposition(file.fileName))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .type(file.mediaType)
        .send(file.bytes);
    },
  );
};

function readUpload(req: FastifyRequest): Promise<evidence.EvidenceUpload> {
  return readFileUpload(req, evidenceUploadFields, { what: "the evidence file", repeated: "refuse" });
}
