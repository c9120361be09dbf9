import path from "node:path";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import type { Database } from "./db/connection.ts";
import { assignmentRoutes } from "./modules/assignment/assignment.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { calendarRoutes } from "./modules/calendar/calendar.routes.ts";
import { caseRoutes } from "./modules/cases/cases.routes.ts";
import { dashboardRoutes } from "./modules/dashboard/dashboard.routes.ts";
import { deadlineRoutes } from "./modules/deadlines/deadlines.routes.ts";
import { documentRoutes } from "./modules/documents/documents.routes.ts";
import { exportRoutes } from "./modules/exports/exports.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { hearingRoutes } from "./modules/hearings/hearings.routes.ts";
import { mlaDeadlineRoutes } from "./modules/mla/deadlines/mla.deadlines.routes.ts";
import { evidenceRoutes } from "./modules/mla/evidence/evidence.routes.ts";
import { mlaMetricsRoutes } from "./modules/mla/metrics/mla.metrics.routes.ts";
import { mlaExportRoutes } from "./modules/mla/mla.export.routes.ts";
import { mlaRoutes } from "./modules/mla/mla.routes.ts";
import { mlaReferenceRoutes } from "./modules/mla/reference/mla.reference.routes.ts";
import { notificationRoutes } from "./modules/notifications/notifications.routes.ts";
import { organisationRoutes } from "./modules/organisations/organisations.routes.ts";
import { allowWidgetFraming, publicRoutes } from "./modules/public/public.routes.ts";
import { referenceRoutes } from "./modules/reference/reference.routes.ts";
import { reportRoutes } from "./modules/reports/reports.routes.ts";
import { taskRoutes } from "./modules/tasks/tasks.routes.ts";
import { trainingRoutes } from "./modules/training/training.routes.ts";
import { authRoutes } from "./modules/users/auth.routes.ts";
import { userRoutes } from "./modules/users/users.routes.ts";
import { installAuthentication } from "./platform/auth/plugin.ts";
import { installNulGuard } from "./platform/http/nul-guard.ts";
import { answerFrameworkError, installProblemHandler } from "./platform/http/problems.ts";
import { recordRouteTable } from "./platform/http/route-table.ts";
import {
  apiDocsContentSecurityPolicy,
  registerSecurityHeaders,
  serveWebApp,
} from "./platform/http/security-headers.ts";
import { installStartGate, type Lifecycle } from "./platform/lifecycle.ts";
import type { BlobStorage } from "./platform/storage/storage.ts";

export type AppDeps = {
  db: Database;
  config: Config;
  storage: BlobStorage;
  /** The process's phase (server/main.ts); an app built without one (tests) is always ready. */
  lifecycle?: Lifecycle;
};

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

const WEB_DIST = path.resolve(import.meta.dirname, "../web/dist");

/** Builds the whole HTTP app without listening, so tests drive it through `inject`. */
export async function buildApp(deps: AppDeps, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false && !process.env.CAMS_TEST_LOG
        ? false
        : { level: deps.config.logLevel, redact: ["req.headers.cookie"] },
    trustProxy: deps.config.trustProxy,
    // a broken percent-escape or an over-long path parameter, found before routing, answers as a problem too
    frameworkErrors: answerFrameworkError,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("deps", deps);
  installProblemHandler(app);
  installNulGuard(app);
  if (deps.lifecycle) installStartGate(app, deps.lifecycle);
  recordRouteTable(app);
  allowWidgetFraming(app);

  await registerSecurityHeaders(app, { production: deps.config.env === "production" });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: deps.config.uploadMaxBytes, files: 1, fields: 10, fieldSize: 4096 },
  });
  await registerApiDocs(app);
  installAuthentication(app, deps.db, {
    idleMinutes: deps.config.sessionIdleMinutes,
    absoluteHours: deps.config.sessionAbsoluteHours,
  });

  await app.register(healthRoutes);
  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(userRoutes);
      await api.register(organisationRoutes);
      await api.register(referenceRoutes);
      await api.register(caseRoutes);
      await api.register(documentRoutes);
      await api.register(hearingRoutes);
      await api.register(calendarRoutes);
      await api.register(reportRoutes);
      await api.register(deadlineRoutes);
      await api.register(taskRoutes);
      await api.register(mlaRoutes);
      await api.register(mlaReferenceRoutes);
      await api.register(mlaDeadlineRoutes);
      await api.register(evidenceRoutes);
      await api.register(mlaExportRoutes);
      await api.register(mlaMetricsRoutes);
      await api.register(auditRoutes);
      await api.register(assignmentRoutes);
      await api.register(notificationRoutes);
      await api.register(dashboardRoutes);
      await api.register(exportRoutes);
      await api.register(trainingRoutes);
      await api.register(publicRoutes);
    },
    { prefix: "/api/v1" },
  );
  await registerWebApp(app);
  return app;
}

async function registerApiDocs(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "CAMS API",
        version: "1",
        description:
          "Case Assignment & Management System. Authenticate with POST /api/v1/auth/login; send the returned " +
          "csrfToken in the x-csrf-token header on every write. Errors are RFC 9457 problem+json.",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "cams_session" } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  const production = app.deps.config.env === "production";
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: apiDocsContentSecurityPolicy({ production }),
  });
}

/** Serves the built React app (when built); unknown non-API paths get index.html with its CSP nonce. */
async function registerWebApp(app: FastifyInstance) {
  await serveWebApp(app, WEB_DIST, { production: app.deps.config.env === "production" });
}
