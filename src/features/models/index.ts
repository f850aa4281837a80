import { byVerb } from '../../core/menu.ts';
import type { Feature } from '../../core/feature.ts';
import { askNotice, decide, noticeInput, sendNotice, sendQr, showMembers, showRequests } from './leader.ts';
import {
  chooseArea,
  chooseKind,
  choosePolicy,
  createInput,
  leaderInvite,
  manageModels,
  setRetired,
  showReview,
  skipDescription,
  startCreate,
} from './manage.ts';
import { askCode, askJoin, join, leave, listModels, myModels, openByCode, openModel } from './resident.ts';
import { normalizeJoinCode } from './store.ts';

/** Button and menu choices `mdl:<verb>:<value>`. */
const modelAction = byVerb({
  list: listModels,
  mine: myModels,
  code: askCode,
  open: openModel,
  join: askJoin,
  joinas: join,
  leave,
  members: showMembers,
  requests: showRequests,
  approve: (ctx, v) => decide(ctx, v, true),
  decline: (ctx, v) => decide(ctx, v, false),
  qr: sendQr,
  notice: askNotice,
  send: sendNotice,
  manage: manageModels,
  review: showReview,
  retire: (ctx, v) => setRetired(ctx, v, true),
  reactivate: (ctx, v) => setRetired(ctx, v, false),
  leaderinvite: leaderInvite,
  create: startCreate,
  area: chooseArea,
  kind: chooseKind,
  nodesc: skipDescription,
  policy: choosePolicy,
});

/** Self-managed local models: residents browse, join and leave; leaders run them; officers create and review them. */
export const modelsFeature: Feature = {
  name: 'models',
  commands: {
    groups: { run: listModels },
    join: { run: (ctx, code) => (code ? openByCode(ctx, code) : Promise.resolve(askCode(ctx))) },
    models: { run: manageModels },
  },
  actions: { mdl: { run: modelAction } },
  inputs: {
    'model-code': (ctx) => openByCode(ctx, ctx.msg.text ?? ''),
    'model-notice': noticeInput,
    'model-create': createInput,
  },
  mainMenu: (ctx) => [
    { id: 'mdl:list', label: ctx.t('menu-models') },
    ...(ctx.person?.grants.length ? [{ id: 'mdl:manage', label: ctx.t('menu-models-manage') }] : []),
  ],
  // A join code typed alone, as a poster says on Zalo.
  freeText: async (ctx, text) => {
    if (!normalizeJoinCode(text) || !/^\s*MH/i.test(text)) return false;
    await openByCode(ctx, text);
    return true;
  },
  startPayload: async (ctx, payload) => {
    if (!payload.startsWith('m_')) return false;
    await openByCode(ctx, payload.slice(2));
    return true;
  },
};
