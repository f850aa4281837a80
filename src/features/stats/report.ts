import { guardedCount } from '../../core/disclosure.ts';
import { PLATFORM_NAMES, platformSchema } from '../../core/messages.ts';
import { TipCategory, TipStatus } from '../../generated/prisma/enums.ts';
import type { AreaStatistics } from './statistics.ts';

/** A figure as the report shows it: a count, a guarded count ("< 5"), or a median duration in seconds. */
export type ReportCell = number | string | { seconds: number | null };

/** A row: its label is a text id (`cat-theft`, `console-ui-stats-…`) or, `named`, a name as it is (a model's). */
export interface ReportRow {
  id: string;
  label: string;
  named?: boolean;
  cells: ReportCell[];
}

export interface ReportTable {
  id: string;
  /** Text ids of the value columns (the first column is the rows' labels). */
  columns: string[];
  rows: ReportRow[];
}

const T = 'console-ui-stats-';
const row = (id: string, cells: ReportCell[], label = `${T}${id}`): ReportRow => ({ id, label, cells });
const one = (id: string, rows: ReportRow[]): ReportTable => ({ id, columns: [`${T}col-count`], rows });

/**
 * The tables of the periodic review ("Báo cáo sơ kết phong trào Toàn dân bảo vệ an ninh Tổ quốc"): the figures of
 * `areaStatistics` as such a review lays them out. A model's members are few: their tips are a guarded count.
 */
export function reportTables(s: AreaStatistics): ReportTable[] {
  const { tips, models, festivals, broadcasts, residents } = s;
  return [
    one('tips', [
      row('received', [tips.received]),
      row('urgent', [tips.urgent]),
      row('handled', [tips.handled]),
      ...Object.values(TipStatus).map((st) => row(`status-${st}`, [tips.byStatus[st]], `status-${st}`)),
      row('median-ack', [{ seconds: tips.medianAcknowledgeSeconds }]),
      row('median-resolve', [{ seconds: tips.medianResolveSeconds }]),
    ]),
    {
      id: 'categories',
      columns: [`${T}col-received`, `${T}col-handled`],
      rows: Object.values(TipCategory)
        .filter((c) => tips.byCategory[c])
        .map((c) => row(`cat-${c}`, [tips.byCategory[c] ?? 0, tips.handledByCategory[c] ?? 0], `cat-${c}`)),
    },
    one('models', [
      row('models-created', [models.created]),
      row('models-kept', [models.kept]),
      row('models-retired', [models.retired]),
      row('models-active', [models.active]),
      row('members', [models.members]),
      row('members-joined', [models.joined]),
      row('members-left', [models.left]),
    ]),
    {
      id: 'model-list',
      columns: [`${T}col-members`, `${T}col-joined`, `${T}col-left`, `${T}col-member-tips`],
      rows: models.list.map((m) => ({
        id: `model-${m.id}`,
        label: m.name,
        named: true,
        cells: [m.members, m.joined, m.left, guardedCount(m.memberTips)],
      })),
    },
    one('festivals', [
      row('festivals-held', [festivals.held]),
      row('festivals-answers', [festivals.answers]),
      row('festivals-going', [festivals.going]),
      row('commendations', [festivals.commendations]),
      row('commended', [festivals.commended]),
    ]),
    one('residents', [
      row('residents', [residents.people]),
      ...platformSchema.options.map((p) => ({
        id: `platform-${p}`,
        label: PLATFORM_NAMES[p],
        named: true,
        cells: [residents.byPlatform[p] ?? 0],
      })),
    ]),
    one('broadcasts', [
      row('broadcasts-sent', [broadcasts.sent]),
      row('broadcasts-recipients', [broadcasts.recipients]),
      row('broadcasts-reached', [broadcasts.reached]),
    ]),
  ];
}

/** The figures as they may leave the server: each model's members' tips only as a guarded count. */
export function disclosedStatistics(s: AreaStatistics) {
  return {
    ...s,
    models: {
      ...s.models,
      list: s.models.list.map(({ memberTips, ...m }) => ({ ...m, memberTips: guardedCount(memberTips) })),
    },
  };
}
