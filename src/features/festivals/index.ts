import type { ChatContext } from '../../core/context.ts';
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

type Verb = (ctx: ChatContext, value: string) => Promise<void>;

const split = (arg: string) => {
  const at = arg.indexOf(':');
  return at < 0 ? [arg, ''] : [arg.slice(0, at), arg.slice(at + 1)];
};

function dispatch(verbs: Record<string, Verb>) {
  return async (ctx: ChatContext, arg: string) => {
    const [verb, value] = split(arg);
    const run = verbs[verb!];
    if (!run) return ctx.reply(ctx.t('choice-expired'));
    await run(ctx, value!);
  };
}

/** Residents' side: `fest:<verb>:<id>`. */
const residentVerbs: Record<string, Verb> = {
  list: listFestivals,
  open: openFestival,
  going: (ctx, id) => rsvp(ctx, id, true),
  notgoing: (ctx, id) => rsvp(ctx, id, false),
  ics: sendIcs,
};

/** Staff side: `festm:<verb>:<value>`. */
const staffVerbs: Record<string, Verb> = {
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
};

/** Festival days: residents see and answer them; officers create, move, cancel them and announce commendations. */
export const festivalsFeature: Feature = {
  name: 'festivals',
  commands: {
    festivals: { run: listFestivals },
    festival: { run: manageFestivals },
  },
  actions: { fest: { run: dispatch(residentVerbs) }, festm: { run: dispatch(staffVerbs) } },
  flows: { festival: festivalInput, 'festival-move': festivalInput, 'festival-commend': festivalInput },
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
