import type { FastifyInstance } from "fastify";

/** One endpoint as registered: its method and URL pattern (`/api/v1/cases/:id`). */
export type RouteEntry = { method: string; url: string };

declare module "fastify" {
  interface FastifyInstance {
    /** Every route registered on the app, in registration order (HEAD twins left out). */
    routeTable: RouteEntry[];
  }
}

/**
 * Keeps the app's own route table, so the authorization matrix (server/test/authz) walks exactly what is
 * served: an endpoint added without an entry there fails that test. Call before any route is registered.
 */
export function recordRouteTable(app: FastifyInstance) {
  const table: RouteEntry[] = [];
  app.decorate("routeTable", table);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      table.push({ method, url: route.url });
    }
  });
}
