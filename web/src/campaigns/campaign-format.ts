/** Money without a currency symbol (amounts are in the CRM's currency), and live campaign progress. */
import { getToken, withQuery } from '../lib/api.ts';
import type { Campaign } from '../lib/types.ts';

export const eur = (v: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(v);

export interface CampaignProgress {
  status: Campaign['status'];
  done: number;
  total: number;
  selected: number;
  held_out: number;
  queued: number;
}

/** Server-sent events of GET /api/campaigns/:id/events (the token as ?access_token=); returns close. */
export function watchCampaign(id: string, onprogress: (p: CampaignProgress) => void, ondone: (c: Campaign) => void): () => void {
  const source = new EventSource(withQuery(`/api/campaigns/${encodeURIComponent(id)}/events`, { access_token: getToken() }));
  source.addEventListener('progress', (e) => onprogress(JSON.parse((e as MessageEvent).data)));
  source.addEventListener('done', (e) => {
    source.close();
    ondone(JSON.parse((e as MessageEvent).data));
  });
  return () => source.close();
}
