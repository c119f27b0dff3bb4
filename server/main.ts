/** Starts the server: config, database, first-start work, then listen. */
import path from 'node:path';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { startInProcessWorker } from './modules/evals/worker.ts';
import { scheduleRetention } from './modules/privacy/retention.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  process.env.PROMPTFOO_DISABLE_TELEMETRY = '1';
  process.env.PROMPTFOO_DISABLE_UPDATE = '1';
  process.env.PROMPTFOO_CONFIG_DIR ??= path.join(config.dataDir, 'promptfoo');

  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    embeddedDir: path.join(config.dataDir, 'pgdata'),
    onIdleError: (error) => console.error(`database connection lost (it will reconnect): ${error.message}`),
  });
  const result = await bootstrap(database.db, { adminToken: config.adminToken, seedDemo: config.seedDemo });
  const app = await buildApp({ config, database });
  // Evaluation runs, campaign chunks and imports: worked in one thread off the request thread.
  startInProcessWorker(app, { campaigns: true, bulkJobs: true });
  scheduleRetention(database.db, app.log);

  if (result.migrations.length) app.log.info({ migrations: result.migrations }, 'database migrated');
  if (result.demo) app.log.info(result.demo, 'demo dataset loaded');
  if (result.firstAdminToken) {
    // Printed once to the terminal, deliberately not through the logger: logs are kept, this is a secret.
    process.stdout.write(
      `\n  First start: an admin token was created. It is shown only this once:\n\n    ${result.firstAdminToken}\n\n` +
        `  Sign in at http://${config.host}:${config.port}/ with it, then create tokens for your team.\n\n`,
    );
  }

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Rekindle serving on http://${config.host}:${config.port}/ (database: ${database.kind})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
