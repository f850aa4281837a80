import { ApiError, getJson } from './http.ts';
import type { TipStatus } from './api.ts';

/** The area and period asked for (empty: the API's default, the first area and this half-year). */
export interface StatsQuery {
  area: string;
  from: string;
  to: string;
}

export const statsParams = (q: StatsQuery) =>
  new URLSearchParams(Object.entries(q).filter(([, v]) => v !== '')).toString();

export interface Statistics {
  tips: {
    received: number;
    urgent: number;
    handled: number;
    byStatus: Record<TipStatus, number>;
    byCategory: Record<string, number>;
    medianAcknowledgeSeconds: number | null;
    medianResolveSeconds: number | null;
    overTime: { unit: 'week' | 'month'; buckets: Array<{ start: string; byCategory: Record<string, number> }> };
  };
  residents: { people: number; byPlatform: Record<string, number> };
  models: { active: number; members: number; created: number; retired: number; kept: number };
  festivals: { held: number; going: number; answers: number; commendations: number; commended: number };
  broadcasts: { sent: number; recipients: number; reached: number };
}

interface Asked {
  area: { code: string; name: string };
  /** Days in Vietnam, both included. */
  from: string;
  to: string;
}

export interface StatsAnswer extends Asked {
  areas: Array<{ code: string; name: string }>;
  statistics: Statistics;
  platforms: Array<{ name: string; count: number }>;
}

/** A figure of the report: a count, a guarded count ("< 5") or a median duration. */
export type ReportCell = number | string | { seconds: number | null };

export interface ReportTable {
  id: string;
  columns: string[];
  rows: Array<{ id: string; label: string; named?: boolean; cells: ReportCell[] }>;
}

export interface ReportAnswer extends Asked {
  madeOn: string;
  tables: ReportTable[];
}

export const fetchStats = (q: StatsQuery) => getJson<StatsAnswer>(`/console/api/stats?${statsParams(q)}`);

export const fetchReport = (q: StatsQuery) => getJson<ReportAnswer>(`/console/api/stats/report?${statsParams(q)}`);

const REPORT_PATH = '/console/stats/report';

export const reportPath = (q: StatsQuery) => `${REPORT_PATH}?${statsParams(q)}`;

export const isReportPath = (path: string) => path === REPORT_PATH;

type T = (id: string) => string;

/** A median as an officer reads it at a glance: minutes, then hours, then days (as chat's /stats does). */
export function duration(t: T, seconds: number | null): string {
  if (seconds === null) return t('console-ui-stats-none');
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 120) return `${minutes} ${t('console-ui-stats-minutes')}`;
  const hours = Math.round(minutes / 60);
  return hours < 48
    ? `${hours} ${t('console-ui-stats-hours')}`
    : `${Math.round(hours / 24)} ${t('console-ui-stats-days')}`;
}

/** 2026-07-01 → 01/07/2026. */
export const dayText = (d: string) => d.split('-').reverse().join('/');

/** What the page says when the figures are refused: an area outside the officer's (404), a bad period (400). */
export const statsProblem = (e: unknown) =>
  e instanceof ApiError && e.status === 404
    ? 'console-ui-stats-no-area'
    : e instanceof ApiError && e.status === 400
      ? 'console-ui-stats-bad-period'
      : 'console-ui-error';
