import type { Feature } from '../../core/feature.ts';
import { isRegistered, registered, staff } from '../../core/guards.ts';
import type { ModelVerdict } from '../../generated/prisma/enums.ts';
import { TIP_ROLES } from '../staff/grants.ts';
import { modelChoice } from './choices.ts';
import { decisionFlow, skipNote, startDecision } from './decide.ts';
import { askNotice, decide, noticeFlow, sendNotice, sendQr, showMembers, showRequests } from './leader.ts';
import {
  chooseArea,
  chooseKind,
  choosePolicy,
  createFlow,
  leaderInvite,
  manageModels,
  setRetired,
  showReview,
  skipDescription,
  startCreate,
} from './manage.ts';
import { askCode, askJoin, codeFlow, join, leave, listModels, myModels, openByCode, openModel } from './resident.ts';
import { normalizeJoinCode } from './store.ts';

type OfModel = { model: number };
type OfMembership = { membership: number };

/**
 * Who may press what: registered people browse, join and (as leaders) run
 * their models, each use case checking the model itself; officer tools need
 * an officer or admin role; the create dialogue's answers count only at their step.
 */
const modelAction = modelChoice.route({
  list: registered(listModels),
  mine: registered(myModels),
  code: registered(askCode),
  open: registered((ctx, { model }: OfModel) => openModel(ctx, model)),
  join: registered((ctx, { model }: OfModel) => askJoin(ctx, model)),
  joinas: registered((ctx, { model, show }: OfModel & { show: boolean }) => join(ctx, model, show)),
  leave: registered((ctx, { model }: OfModel) => leave(ctx, model)),
  members: registered((ctx, { model }: OfModel) => showMembers(ctx, model)),
  requests: registered((ctx, { model }: OfModel) => showRequests(ctx, model)),
  approve: registered((ctx, { membership }: OfMembership) => decide(ctx, membership, true)),
  decline: registered((ctx, { membership }: OfMembership) => decide(ctx, membership, false)),
  qr: registered((ctx, { model }: OfModel) => sendQr(ctx, model)),
  notice: registered((ctx, { model }: OfModel) => askNotice(ctx, model)),
  send: sendNotice,
  manage: registered(manageModels),
  review: staff(TIP_ROLES, (ctx, { model }: OfModel) => showReview(ctx, model)),
  retire: staff(TIP_ROLES, (ctx, { model }: OfModel) => setRetired(ctx, model, true)),
  reactivate: staff(TIP_ROLES, (ctx, { model }: OfModel) => setRetired(ctx, model, false)),
  leaderinvite: staff(TIP_ROLES, (ctx, { model }: OfModel) => leaderInvite(ctx, model)),
  verdict: staff(TIP_ROLES, (ctx, { model, verdict }: OfModel & { verdict: ModelVerdict }) =>
    startDecision(ctx, model, verdict),
  ),
  nonote: skipNote,
  create: staff(TIP_ROLES, startCreate),
  area: chooseArea,
  kind: chooseKind,
  nodesc: skipDescription,
  policy: choosePolicy,
});

/** Self-managed local models: residents browse, join and leave; leaders run them; officers create and review them. */
export const modelsFeature: Feature = {
  name: 'models',
  commands: {
    groups: { run: registered(listModels) },
    join: { run: registered((ctx, code: string) => (code ? openByCode(ctx, code) : askCode(ctx))) },
    models: { run: registered(manageModels), menuFor: [...TIP_ROLES, 'leader'] },
  },
  actions: { [modelChoice.action]: { run: modelAction } },
  flows: [codeFlow, noticeFlow, createFlow, decisionFlow],
  mainMenu: (ctx) => [
    { id: modelChoice.pack('list'), label: ctx.t('menu-models') },
    ...(ctx.person?.grants.length ? [{ id: modelChoice.pack('manage'), label: ctx.t('menu-models-manage') }] : []),
  ],
  // A join code typed alone, as a poster says on Zalo.
  freeText: async (ctx, text) => {
    if (!isRegistered(ctx) || !normalizeJoinCode(text) || !/^\s*MH/i.test(text)) return false;
    await openByCode(ctx, text);
    return true;
  },
  startPayload: async (ctx, payload) => {
    if (!payload.startsWith('m_') || !isRegistered(ctx)) return false;
    await openByCode(ctx, payload.slice(2));
    return true;
  },
};
