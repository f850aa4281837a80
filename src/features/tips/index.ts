import type { Feature } from '../../core/feature.ts';
import { hasTipRole } from '../staff/grants.ts';
import { followUpInput, myTipAction, myTips } from './mine.ts';
import { openTipCommand, replyInput, showInbox, tipAction } from './officer.ts';
import { registered } from '../../core/guards.ts';
import { reportAction, reportChoice, reportFlow, startReport } from './report.ts';

/** Citizen tips: report, follow one's tips, and the officers' inbox and anonymous thread. */
export const tipsFeature: Feature = {
  name: 'tips',
  commands: {
    report: { run: registered(startReport) },
    status: { run: myTips },
    inbox: { run: showInbox },
    tip: { run: openTipCommand, group: true },
  },
  actions: {
    [reportChoice.action]: { run: registered(reportAction) },
    mytip: { run: myTipAction },
    inbox: { run: showInbox },
    tip: { run: tipAction, group: true },
  },
  flows: [reportFlow],
  inputs: {
    'tip-thread': followUpInput,
    'tip-reply': replyInput,
  },
  mainMenu: (ctx) => [
    { id: reportChoice.pack('start'), label: ctx.t('menu-report') },
    { id: 'mytip:list', label: ctx.t('menu-mytips') },
    ...(hasTipRole(ctx.person?.grants ?? []) ? [{ id: 'inbox:1', label: ctx.t('menu-inbox') }] : []),
  ],
};
