import type { Feature } from '../../core/feature.ts';
import { isStaff, registered, staff } from '../../core/guards.ts';
import { parseRowId } from '../../core/menu.ts';
import { TIP_ROLES } from '../staff/grants.ts';
import { festChoice, festmChoice } from './choices.ts';
import { applyCommend, commendFlow, startCommend } from './commend.ts';
import { createChoices, createFlow } from './create.ts';
import { applyCancel, askCancel, manageFestivals, showManaged } from './manage.ts';
import { moveFlow, startMove } from './move.ts';
import { listFestivals, openFestival, rsvp, rsvpFlow, sendIcs } from './resident.ts';

/** Residents' side. */
const residentAction = registered(
  festChoice.route({
    list: listFestivals,
    open: (ctx, { id }) => openFestival(ctx, id),
    going: (ctx, { id }) => rsvp(ctx, id, true),
    notgoing: (ctx, { id }) => rsvp(ctx, id, false),
    ics: (ctx, { id }) => sendIcs(ctx, id),
  }),
);

/** Staff side: officers and admins of the festival's area. */
const staffAction = staff(
  TIP_ROLES,
  festmChoice.route({
    list: manageFestivals,
    open: (ctx, { id }) => showManaged(ctx, id),
    ...createChoices,
    move: startMove,
    cancel: askCancel,
    cancelgo: applyCancel,
    commend: startCommend,
    commendgo: applyCommend,
  }),
);

/** Festival days: residents see and answer them; officers create, move, cancel them and announce commendations. */
export const festivalsFeature: Feature = {
  name: 'festivals',
  commands: {
    festivals: { run: registered(listFestivals) },
    festival: { run: staff(TIP_ROLES, manageFestivals), menuFor: TIP_ROLES },
  },
  actions: { fest: { run: residentAction }, festm: { run: staffAction } },
  flows: [createFlow, moveFlow, commendFlow, rsvpFlow],
  mainMenu: (ctx) => [
    { id: festChoice.pack('list'), label: ctx.t('menu-festivals') },
    ...(isStaff(ctx, TIP_ROLES) ? [{ id: festmChoice.pack('list'), label: ctx.t('menu-festivals-manage') }] : []),
  ],
  startPayload: async (ctx, payload) => {
    const link = /^f_(\d+)$/.exec(payload);
    if (!link) return false;
    await registered(openFestival)(ctx, parseRowId(link[1]));
    return true;
  },
};
