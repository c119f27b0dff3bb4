/**
 * A thread of its own for bulk jobs (started by startBulkThread in bulk-thread-host.ts; the
 * server uses its evaluation thread instead, which serves the same jobs): imports off the thread
 * that answers HTTP requests. The database is this thread's own pool on PostgreSQL, and the main
 * thread's pool over a port on the embedded database (which lives in the main thread;
 * serve-over-port.ts gives API requests priority over this thread's statements).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openWorkerDatabase } from '../../db/worker-database.ts';
import { lowerThisThreadsPriority } from '../evals/thread-priority.ts';
import type { BulkThreadData, ThreadReply } from './bulk-thread-host.ts';
import { serveBulkJobs } from './serve-jobs.ts';

const data = workerData as BulkThreadData & { port: MessagePort };
const post = (m: ThreadReply) => parentPort?.postMessage(m);

// When both want a core, the request thread goes first (thread-priority.ts).
lowerThisThreadsPriority();

const database = await openWorkerDatabase(data, 2);

serveBulkJobs(parentPort!, database.db, data.kind === 'embedded');

parentPort?.on('message', async (m: { type: string }) => {
  if (m.type !== 'stop') return;
  await database.close();
  post({ type: 'stopped' });
  parentPort?.close();
  data.port.close();
});
