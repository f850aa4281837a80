import type { Feature } from '../../core/feature.ts';
import { registered } from '../../core/guards.ts';
import { hasTipRole, TIP_ROLES } from '../staff/grants.ts';
import { closeChoice, inboxChoice, mytipChoice, reopenChoice, tipChoice } from './choices.ts';
import { closeAction, closeFlow } from './close.ts';
import { followUpFlow, myTipAction, myTips, reopenAction, reopenFlow } from './mine.ts';
import { inboxAction, inboxCommand, replyFlow, tipAction, tipCommand } from './officer.ts';
import { reportAction, reportChoice, reportFlow, startReport } from './report.ts';

/** Citizen tips: report, follow one's tips, and the officers' inbox and anonymous thread. */
export const tipsFeature: Feature = {
  name: 'tips',
  commands: {
    report: { run: registered(startReport) },
    status: { run: registered(myTips) },
    inbox: { run: inboxCommand, menuFor: TIP_ROLES },
    tip: { run: tipCommand, group: true, menuFor: TIP_ROLES },
  },
  actions: {
    [reportChoice.action]: { run: registered(reportAction) },
    [mytipChoice.action]: { run: registered(myTipAction) },
    [reopenChoice.action]: { run: registered(reopenAction) },
    [inboxChoice.action]: { run: inboxAction },
    // Open to anyone: the route itself answers whoever is not an officer of the tip's area (privately, on a press).
    [tipChoice.action]: { run: tipAction, group: true, guest: true },
    [closeChoice.action]: { run: closeAction, group: true, guest: true },
  },
  flows: [reportFlow, followUpFlow, replyFlow, closeFlow, reopenFlow],
  mainMenu: (ctx) => [
    { id: reportChoice.pack('start'), label: ctx.t('menu-report') },
    { id: mytipChoice.pack('list'), label: ctx.t('menu-mytips') },
    ...(hasTipRole(ctx.person?.grants ?? [])
      ? [{ id: inboxChoice.pack('page', { page: 1 }), label: ctx.t('menu-inbox') }]
      : []),
  ],
};
