// A classic script, loaded by index.html before the app's modules, so it runs before any of them. Zod adopts
// this object as its configuration when it loads (zod/v4/core: globalThis.__zod_globalConfig). `jitless` stops
// its one-time `new Function` probe, which the Content Security Policy (no 'unsafe-eval') would report as a
// violation although Zod catches it. Setting it from the app's own code is too late: the bundle's shared chunk,
// which builds the schemas, runs before the entry module's body.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });
