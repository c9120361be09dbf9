import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams } from "../../../common/schemas/shared.ts";
import {
  taskCreateBody,
  taskList,
  taskPatchBody,
  taskSchema,
  tasksQuery,
} from "../../../common/schemas/tasks.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { createTask, listTasks, updateTask } from "./tasks.service.ts";

const tags = ["tasks"];

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get("/tasks", { schema: { tags, querystring: tasksQuery, response: { 200: taskList } } }, (req) =>
    listTasks(db, requireActor(req), req.query),
  );
  app.post(
    "/tasks",
    { schema: { tags, body: taskCreateBody, response: { 201: taskSchema } } },
    async (req, reply) => reply.status(201).send(await createTask(db, requireActor(req), req.body)),
  );
  app.patch(
    "/tasks/:id",
    { schema: { tags, params: idParams, body: taskPatchBody, response: { 200: taskSchema } } },
    (req) => updateTask(db, requireActor(req), req.params.id, req.body),
  );
};
