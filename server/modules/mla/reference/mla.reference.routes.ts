import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  directoryCreateBody,
  directoryEntryView,
  directoryParams,
  directoryUpdateBody,
  directoryView,
  mlaReferenceView,
  ruleParams,
  rulePutBody,
  rulesView,
  ruleView,
} from "../../../../common/schemas/mla.reference.ts";
import { requireActor } from "../../../platform/auth/plugin.ts";
import * as svc from "./mla.reference.service.ts";

const tags = ["mla"];

/** The drafting rules and the directory (issue 5 item 5): read by the MLA roles, written by the Central Authority. */
export const mlaReferenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    "/mla/reference",
    {
      schema: {
        tags,
        description:
          "The enabled drafting rules and the directory as the checker reads them (the live checker's input).",
        response: { 200: mlaReferenceView },
      },
    },
    (req) => svc.reference(db, requireActor(req)),
  );
  app.get("/mla/rules", { schema: { tags, response: { 200: rulesView } } }, (req) =>
    svc.listRules(db, requireActor(req)),
  );
  app.get("/mla/rules/:id", { schema: { tags, params: ruleParams, response: { 200: ruleView } } }, (req) =>
    svc.getRule(db, requireActor(req), req.params.id),
  );
  app.put(
    "/mla/rules/:id",
    {
      schema: {
        tags,
        description:
          "Edits a rule's words, grade, source, status, settings or whether it is checked (Central Authority; versioned).",
        params: ruleParams,
        body: rulePutBody,
        response: { 200: ruleView },
      },
    },
    (req) => svc.updateRule(db, requireActor(req), req.params.id, req.body),
  );
  app.get("/mla/directory", { schema: { tags, response: { 200: directoryView } } }, (req) =>
    svc.listDirectory(db, requireActor(req)),
  );
  app.post(
    "/mla/directory/:kind/:code",
    {
      schema: {
        tags,
        description: "Adds a directory entry (Central Authority); its data must carry its source and status.",
        params: directoryParams,
        body: directoryCreateBody,
        response: { 201: directoryEntryView },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await svc.createEntry(db, requireActor(req), req.params.kind, req.params.code, req.body)),
  );
  app.put(
    "/mla/directory/:kind/:code",
    {
      schema: {
        tags,
        description: "Replaces a directory entry's data (Central Authority; versioned).",
        params: directoryParams,
        body: directoryUpdateBody,
        response: { 200: directoryEntryView },
      },
    },
    (req) => svc.updateEntry(db, requireActor(req), req.params.kind, req.params.code, req.body),
  );
};
