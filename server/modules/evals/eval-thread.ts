/**
 * The evaluation worker loop inside its worker thread (started by eval-thread-host.ts), and for
 * the server the campaign worker loop and the bulk jobs (imports) too. All the CPU work of a run,
 * a campaign chunk or an import (features, rules, drafts, guardrails, metrics, the recovery fit,
 * parsing and joining uploads) happens here, off the thread that answers HTTP requests.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openWorkerDatabase } from '../../db/worker-database.ts';
import type { EvalThreadData, ThreadMessage } from './eval-thread-host.ts';
import { runEvents, workerId } from './service.ts';
import { EvalWorker } from './worker.ts';
import { campaignEvents } from '../campaigns/service.ts';
import { CampaignWorker } from '../campaigns/worker.ts';
import { lowerThisThreadsPriority } from './thread-priority.ts';
import { serveBulkJobs } from '../bulk/serve-jobs.ts';

const data = workerData as EvalThreadData & { port: MessagePort };
const post = (m: ThreadMessage) => parentPort?.postMessage(m);

// Bulk work yields the CPU to the request thread when both want it (see thread-priority.ts).
lowerThisThreadsPriority();

const database = await openWorkerDatabase(data, 4);

const worker = new EvalWorker(
  { db: database.db, modelsDir: data.modelsDir },
  {
    owner: data.owner,
    reclaimDeadLeases: data.reclaimDeadLeases,
    // Embedded: small statements, so API requests between them wait little (see ExecuteOptions.pageSize, batchBytes).
    ...(data.kind === 'embedded' ? { batchSize: 50, batchBytes: 192 * 1024, pageSize: 250 } : {}),
    onRunStart: (run) => post({ type: 'log', level: 'info', message: 'evaluation run started', data: { run: run.id } }),
    onRunEnd: (run, outcome) => post({ type: 'log', level: 'info', message: 'evaluation run ended', data: { run: run.id, status: outcome.status } }),
    onError: (error) => post({ type: 'log', level: 'error', message: `evaluation worker error: ${(error as Error).message}` }),
  },
);
worker.start();

const campaigns = data.campaigns
  ? new CampaignWorker(
      { db: database.db, modelsDir: data.modelsDir },
      {
        owner: workerId('server-campaign'),
        onError: (error) => post({ type: 'log', level: 'error', message: `campaign worker error: ${(error as Error).message}` }),
      },
    )
  : null;
campaigns?.start();

// Imports and the other bulk jobs of the server (bulk/jobs.ts) run here too.
if (data.bulkJobs && parentPort) serveBulkJobs(parentPort, database.db, data.kind === 'embedded');

parentPort?.on('message', async (m: { type: string }) => {
  if (m.type === 'queued') runEvents.emit('queued');
  if (m.type === 'campaign-queued') campaignEvents.emit('queued');
  if (m.type === 'stop') {
    await Promise.all([worker.stop(), campaigns?.stop()]);
    await database.close();
    post({ type: 'stopped' });
    parentPort?.close();
    data.port.close();
  }
});
