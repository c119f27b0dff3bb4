/**
 * Builds the Fastify app. Only server/main.ts listens; tests build the app and call `inject`.
 * Infrastructure (errors, auth, parsers, docs) is registered before feature routes.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database, DatabaseKind } from './db/database.ts';
import type { DB } from './db/schema.ts';
import { registerErrorHandling, sendProblem } from './http/error-handler.ts';
import { problemType } from './http/errors.ts';
import { registerInputChecks } from './http/input-checks.ts';
import { responseSerializer } from './http/serializer.ts';
import { registerStreamingParsers } from './http/raw-body.ts';
import { declarePublicRoutes, logSerializers, registerAuth } from './modules/auth/plugin.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { datasetRoutes } from './modules/datasets/routes.ts';
import { evalRoutes } from './modules/evals/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { mappingRoutes } from './modules/mappings/routes.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { mappingEditorRoutes } from './modules/mappings/editor-routes.ts';
import { rulesetRoutes } from './modules/rulesets/routes.ts';
import { promptRoutes } from './modules/prompts/routes.ts';
import { settingsRoutes } from './modules/settings/routes.ts';
import { recommendationRoutes } from './modules/recommendations/routes.ts';
import { releaseRoutes } from './modules/releases/routes.ts';
import { groundingRoutes } from './modules/grounding/routes.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import { campaignRoutes } from './modules/campaigns/routes.ts';
import { humanReadRoutes } from './modules/human-reads/routes.ts';
import { modelRoutes } from './modules/models/routes.ts';
import { shadowRoutes } from './modules/shadows/routes.ts';
import { WEB_DIST_DIR } from './paths.ts';
import { limitHeapGrowth } from './heap-growth.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>;
    dbKind: DatabaseKind;
    /** The pool under `db` (the embedded database serves the evaluation thread through it). */
    dbPool: Database['pool'];
    config: Config;
    /** Every route registered (method + URL pattern + declared roles), for the route-by-role and fuzz tests. */
    routeList: { method: string; url: string; roles: readonly string[]; public: boolean }[];
  }
}

/**
 * jsonSchemaTransformObject adds every named schema twice, as read (`XInput`) and as written (`X`);
 * only response shapes are named here, so the input copies nothing refers to are left out.
 */
function withoutUnusedInputs<T extends object>(document: T): T {
  const components = (document as { components?: { schemas?: Record<string, unknown> } }).components;
  const schemas = components?.schemas;
  if (!schemas) return document;
  const text = JSON.stringify({ ...document, components: { ...components, schemas: {} } });
  for (const name of Object.keys(schemas)) {
    if (name.endsWith('Input') && name.slice(0, -5) in schemas && !text.includes(`"#/components/schemas/${name}"`)) delete schemas[name];
  }
  return document;
}

/** The decoded path names the API, however it is spelled (`/%61pi/x`, `//api/x`, `/API/x`). */
function isApiPath(url: string): boolean {
  let p = url.split('?')[0];
  // Decoded until stable, so double encoding (`/%2561pi`) is read as what it spells.
  for (let i = 0; i < 4 && p.includes('%'); i++) {
    try {
      p = decodeURIComponent(p);
    } catch {
      return true; // undecodable: treat as API, i.e. a 404 rather than the page
    }
  }
  // Dot segments and doubled slashes resolved, backslashes read as slashes, case ignored.
  return /^\/api(\/|$)/i.test(path.posix.normalize(p.replace(/\\/g, '/')));
}

export interface BuildAppOptions {
  config: Config;
  database: Database;
  logger?: boolean;
  /** Folder of the built web UI; the UI is not served when it does not exist. */
  webDir?: string;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  limitHeapGrowth();
  const app = Fastify({
    logger: options.logger === false ? false : {
      level: options.config.logLevel,
      // Tokens never reach the logs, whatever a future serializer adds.
      redact: ['req.headers.authorization', 'headers.authorization'],
      serializers: logSerializers,
    },
    bodyLimit: 10 * 1024 * 1024,
    // Errors the router raises before any route runs (a path that is not valid UTF-8, a path
    // parameter over the length limit) are problem documents like every other error.
    frameworkErrors: (error, _request, reply) => {
      const status = typeof error.statusCode === 'number' ? error.statusCode : 400;
      void sendProblem(reply, {
        type: problemType(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri-too-long' : 'bad-url'),
        title: status === 414 ? 'URI too long' : 'Bad request',
        status,
        detail: status === 414 ? 'A path segment is longer than the server accepts.' : 'The path is not valid: it must be percent-encoded UTF-8.',
      });
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer());
  app.decorate('db', options.database.db);
  app.decorate('dbKind', options.database.kind);
  app.decorate('dbPool', options.database.pool);
  app.decorate('config', options.config);
  const routeList: FastifyInstance['routeList'] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    const config = route.config as { roles?: readonly string[]; public?: boolean } | undefined;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeList.push({ method, url: route.url, roles: config?.roles ?? [], public: config?.public === true });
    }
  });

  registerErrorHandling(app);
  registerStreamingParsers(app);
  registerInputChecks(app);
  registerAuth(app, options.config.adminToken);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Rekindle API', version: '1.0.0', description: 'Lead recovery workbench: datasets, rules, evaluations, releases, recommendations.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas with a `.meta({ id })` become named components (the web client's type names).
    transformObject: (document) => withoutUnusedInputs(jsonSchemaTransformObject(document)),
  });
  // The API documentation is public by its own declaration (its routes are registered in here).
  await app.register(async (docs) => {
    declarePublicRoutes(docs);
    await docs.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });
  });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(auditRoutes);
  await app.register(datasetRoutes);
  await app.register(mappingRoutes);
  await app.register(importRoutes);
  await app.register(mappingEditorRoutes);
  await app.register(rulesetRoutes);
  await app.register(promptRoutes);
  await app.register(settingsRoutes);
  await app.register(evalRoutes);
  await app.register(recommendationRoutes);
  await app.register(releaseRoutes);
  await app.register(modelRoutes);
  await app.register(groundingRoutes);
  await app.register(privacyRoutes);
  await app.register(campaignRoutes);
  await app.register(humanReadRoutes);
  await app.register(shadowRoutes);

  const webDir = options.webDir ?? WEB_DIST_DIR;
  if (fs.existsSync(path.join(webDir, 'index.html'))) {
    // The web UI's files are public by their own declaration; they hold no data.
    await app.register(async (web) => {
      declarePublicRoutes(web);
      await web.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false });
      // The SPA routes itself: any other GET outside /api and /docs gets index.html. An /api path
      // that matched no API route (however it is spelled) is a 404, never the page.
      web.get('/*', { schema: { hide: true } }, (request, reply) => {
        if (isApiPath(request.url)) return reply.callNotFound();
        return reply.sendFile('index.html');
      });
    });
  }
  return app;
}
