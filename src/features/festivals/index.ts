import { byVerb } from '../../core/menu.ts';
import type { Feature } from '../../core/feature.ts';
import { hasTipRole } from '../staff/grants.ts';
import {
  applyCancel,
  applyCommend,
  askCancel,
  chooseArea,
  chooseRemind,
  festivalInput,
  manageFestivals,
  showManaged,
  skipProgramme,
  startCommend,
  startCreate,
  startMove,
} from './manage.ts';
import { listFestivals, openFestival, rsvp, sendIcs } from './resident.ts';

/** Residents' side: `fest:<verb>:<id>`. */
const residentAction = byVerb({
  list: listFestivals,
  open: openFestival,
  going: (ctx, id) => rsvp(ctx, id, true),
  notgoing: (ctx, id) => rsvp(ctx, id, false),
  ics: sendIcs,
});

/** Staff side: `festm:<verb>:<value>`. */
const staffAction = byVerb({
  list: manageFestivals,
  open: (ctx, id) => showManaged(ctx, id),
  create: startCreate,
  area: chooseArea,
  noprog: skipProgramme,
  remind: chooseRemind,
  move: startMove,
  cancel: askCancel,
  cancelgo: applyCancel,
  commend: startCommend,
  commendgo: applyCommend,
});

/** Festival days: residents see and answer them; officers create, move, cancel them and announce commendations. */
export const festivalsFeature: Feature = {
  name: 'festivals',
  commands: {
    festivals: { run: listFestivals },
    festival: { run: manageFestivals },
  },
  actions: { fest: { run: residentAction }, festm: { run: staffAction } },
  inputs: { festival: festivalInput, 'festival-move': festivalInput, 'festival-commend': festivalInput },
  mainMenu: (ctx) => [
    { id: 'fest:list', label: ctx.t('menu-festivals') },
    ...(hasTipRole(ctx.person?.grants ?? []) ? [{ id: 'festm:list', label: ctx.t('menu-festivals-manage') }] : []),
  ],
  startPayload: async (ctx, payload) => {
    if (!/^f_\d+$/.test(payload)) return false;
    await openFestival(ctx, payload.slice(2));
    return true;
  },
};
