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
import { answerTable, tableFormat } from "../exports/export.table.ts";
import { TASK_WIDTHS, taskSheet } from "./tasks.export.ts";
import { createTask, listTasks, updateTask } from "./tasks.service.ts";

const tags = ["tasks"];

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get("/tasks", { schema: { tags, querystring: tasksQuery, response: { 200: taskList } } }, (req) =>
    listTasks(db, requireActor(req), req.query),
  );
  app.get(
    "/tasks/export",
    {
      schema: {
        tags,
        description:
          "The tasks list (GET /tasks: the same filters, scope and rows) as CSV, XLSX or PDF. Audited.",
        querystring: tasksQuery.extend(tableFormat.shape),
      },
      config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { format, ...filters } = req.query;
      const list = await listTasks(db, actor, filters);
      return answerTable(reply, db, actor, {
        format,
        sheet: taskSheet(list.items),
        heading: `CAMS tasks (${filters.scope}, ${filters.state})`,
        entityType: "task_list",
        fileName: "tasks",
        changes: { filters },
        widths: TASK_WIDTHS,
      });
    },
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
