import type { Me } from './api.ts';
import { getJson, post } from './http.ts';

export const VERDICTS = ['keep', 'improve', 'retire'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Decision {
  /** A half-year: "2026-H2". */
  period: string;
  decision: Verdict;
  note: string;
  at: string;
  by: { kind: 'officer'; label: string | null } | { kind: 'operator' };
}

export interface ReviewedModel {
  id: number;
  name: string;
  /** The commune's or hamlet's name. */
  area: string;
  joinCode: string;
  retired: boolean;
  hasLeader: boolean;
  members: number;
  pending: number;
  joins: number;
  leaves: number;
  notices: number;
  /** Members' tips: "< 5" when few. */
  tips: string;
  /** Newest half-year first. */
  decisions: Decision[];
}

export interface Review {
  /** The window joins, leaves, notices and tips are counted over. */
  days: number;
  /** The half-years a decision may be recorded for: the current one first. */
  periods: string[];
  communes: Array<{ code: string; name: string; models: ReviewedModel[] }>;
}

export interface Poster {
  id: number;
  name: string;
  area: string;
  joinCode: string;
  retired: boolean;
  /** The Telegram deep link, and its QR image; none while the bot's username is unknown. */
  link: string | null;
  qr: string | null;
}

const API = '/console/api/models';

export const fetchReview = () => getJson<Review>(API);

export const fetchPoster = (id: number) => getJson<Poster>(`${API}/${id}/poster`);

export const recordDecision = (me: Me, id: number, period: string, decision: Verdict, note: string) =>
  post<{ period: string; decision: Verdict; retired: boolean; replaced: boolean }>(me, `${API}/${id}/decision`, {
    period,
    decision,
    note,
  });

export const inviteLeader = (me: Me, id: number) =>
  post<{ code: string; expiresAt: string; days: number }>(me, `${API}/${id}/leader-invite`);

const BASE = '/console/models';

export const posterPath = (id: number) => `${BASE}/${id}/poster`;

/** The model whose poster a path shows (`/console/models/12/poster`); undefined for the review. */
export function posterOf(path: string): number | undefined {
  const match = /^\/console\/models\/(\d{1,10})\/poster\/?$/.exec(path);
  return match ? Number(match[1]) : undefined;
}
