/**
 * The campaign worker loop: claim a chunk of any open campaign, work it, finish the campaign when
 * its last chunk is done; poll when idle. Any number of workers (the server's in-process one, and
 * `npm run worker` or `npm run campaign` processes on PostgreSQL) share one campaign by chunks.
 */
import type { FastifyInstance } from 'fastify';
import { workerId } from '../evals/service.ts';
import { workChunk, type CampaignEnv } from './chunk-runner.ts';
import * as repo from './repository.ts';
import { campaignEvents, failCampaign, finishCampaign } from './service.ts';

export interface CampaignWorkerOptions {
  owner?: string;
  leaseMs?: number;
  pollMs?: number;
  /** Only this campaign (the CLI works the one it created). */
  campaignId?: string;
  onChunk?: (chunk: repo.ChunkRow, outcome: string) => void;
  onError?: (error: unknown) => void;
}

export class CampaignWorker {
  readonly owner: string;
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly onQueued = () => this.wake?.();

  constructor(
    private readonly env: CampaignEnv,
    private readonly options: CampaignWorkerOptions = {},
  ) {
    this.owner = options.owner ?? workerId('campaign');
  }

  /** Claims and works one chunk; false when there was nothing to claim. */
  async runOnce(): Promise<boolean> {
    const { db } = this.env;
    const chunk = await repo.claimChunk(db, this.owner, this.options.leaseMs ?? 30_000, this.options.campaignId);
    if (!chunk) {
      // A finisher that crashed leaves a campaign with every chunk done: finish it here.
      for (const id of await repo.unfinishedCampaignIds(db)) if (!this.options.campaignId || id === this.options.campaignId) await finishCampaign(db, id);
      return false;
    }
    try {
      const outcome = await workChunk(this.env, chunk, this.owner, this.options.leaseMs ?? 30_000);
      this.options.onChunk?.(chunk, outcome);
      if (outcome === 'done') await finishCampaign(db, chunk.campaign_id);
    } catch (e) {
      await failCampaign(db, chunk.campaign_id, (e as Error).message ?? String(e));
      throw e;
    }
    return true;
  }

  /** Works until nothing is claimable (tests, the CLI). */
  async drain(): Promise<number> {
    let n = 0;
    while (!this.abort.signal.aborted && (await this.runOnce())) n++;
    return n;
  }

  start(): void {
    if (this.loop) return;
    campaignEvents.on('queued', this.onQueued);
    this.loop = (async () => {
      while (!this.abort.signal.aborted) {
        try {
          if (await this.runOnce()) continue;
        } catch (e) {
          this.options.onError?.(e);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs ?? 1000);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    })();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    campaignEvents.off('queued', this.onQueued);
    this.wake?.();
    await this.loop;
  }
}

export function startInProcessCampaignWorker(app: FastifyInstance): CampaignWorker {
  const worker = new CampaignWorker(
    { db: app.db, modelsDir: app.config.modelsDir },
    { owner: workerId('server-campaign'), onError: (error) => app.log.error({ err: error }, 'campaign worker error') },
  );
  worker.start();
  app.addHook('onClose', async () => worker.stop());
  return worker;
}
