/**
 * The control group: each selected lead is held out with probability holdout_pct / 100, drawn
 * from a hash of (campaign id, lead id). Independent per lead (so any worker decides any chunk
 * alone), stable (the same campaign holds out the same leads however often it runs), and
 * unpredictable from the lead alone (another campaign holds out different leads).
 */
import { createHash } from 'node:crypto';

/** A uniform number in [0, 1) fixed by the campaign and the lead. */
export function holdoutDraw(campaignId: string, leadId: string): number {
  const digest = createHash('sha256').update(`${campaignId}\0${leadId}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

export function isHeldOut(campaignId: string, leadId: string, holdoutPct: number): boolean {
  return holdoutPct > 0 && holdoutDraw(campaignId, leadId) < holdoutPct / 100;
}
