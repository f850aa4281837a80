import { getJson, post } from './http.ts';
import type { Me } from './api.ts';

export type BroadcastStatus = 'draft' | 'scheduled' | 'sending' | 'paused' | 'done' | 'cancelled';
export type Platform = 'telegram' | 'zalo' | 'zalo_oa';
export type Outcome = 'sent' | 'blocked' | 'failed' | 'skipped' | 'outside_window' | 'queued';
/** The report's rows, in the order staff read them in chat. */
export const OUTCOMES: Outcome[] = ['sent', 'blocked', 'failed', 'skipped', 'outside_window', 'queued'];
export const PLATFORMS: Platform[] = ['telegram', 'zalo', 'zalo_oa'];
export const PLATFORM_NAMES: Record<Platform, string> = { telegram: 'Telegram', zalo: 'Zalo', zalo_oa: 'Zalo OA' };

export interface BroadcastSummary {
  id: number;
  status: BroadcastStatus;
  area: string | null;
  text: string;
  recipientCount: number;
  /** Every recipient written: the count is final. */
  fannedOut: boolean;
  counts: Record<Outcome, number>;
  holds: Array<{ platform: Platform; until: string; queued: number }>;
  createdAt: string;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface BroadcastDetail extends BroadcastSummary {
  texts: { vi: string; en?: string };
}

export interface ComposeOptions {
  areas: Array<{ code: string; name: string }>;
  models: Array<{ id: number; name: string }>;
  festivals: Array<{ id: number; title: string; startsAt: string }>;
}

export type Audience = (
  { kind: 'area'; areaCode: string } | { kind: 'model'; modelId: number } | { kind: 'festival'; festivalId: number }
) & { platforms?: Platform[]; locales?: Array<'vi' | 'en'> };

export type RecipientCount = Record<Platform, number> & { total: number };
export interface Preview {
  platform: Platform;
  locale: 'vi' | 'en';
  messages: string[];
}

const BASE = '/console/api/broadcasts';

/** Settled recipients of all written so far (queued ones still wait). */
export const settled = (b: BroadcastSummary) => OUTCOMES.reduce((n, o) => n + (o === 'queued' ? 0 : b.counts[o]), 0);

/** The progress bar's value: 100 only once every recipient is written and settled. */
export function percent(b: BroadcastSummary): number {
  if (b.status === 'done') return 100;
  if (!b.recipientCount) return 0;
  const value = Math.floor((100 * settled(b)) / b.recipientCount);
  return b.fannedOut ? value : Math.min(value, 99);
}

/** A broadcast whose figures move now (sending, or about to start): the page asks again while one is. */
export const moving = (b: BroadcastSummary) =>
  b.status === 'sending' ||
  (b.status === 'scheduled' && b.scheduledAt !== null && Date.parse(b.scheduledAt) - Date.now() < 60_000);

export const fetchBroadcasts = () => getJson<{ broadcasts: BroadcastSummary[] }>(BASE);
export const fetchBroadcast = (id: number) => getJson<BroadcastDetail>(`${BASE}/${id}`);
export const fetchComposeOptions = () => getJson<ComposeOptions>(`${BASE}/options`);
export const countRecipients = (me: Me, audience: Audience) => post<RecipientCount>(me, `${BASE}/count`, { audience });
export const previewBroadcast = (me: Me, audience: Audience, texts: BroadcastDetail['texts']) =>
  post<{ previews: Preview[] }>(me, `${BASE}/preview`, { audience, texts });
export const draftBroadcast = (me: Me, audience: Audience, texts: BroadcastDetail['texts']) =>
  post<BroadcastSummary>(me, BASE, { audience, texts });
export const startBroadcast = (me: Me, id: number, at?: string) =>
  post<BroadcastSummary>(me, `${BASE}/${id}/start`, at ? { at } : {});
export const steerBroadcast = (me: Me, id: number, verb: 'pause' | 'resume' | 'cancel') =>
  post<BroadcastSummary>(me, `${BASE}/${id}/${verb}`);
