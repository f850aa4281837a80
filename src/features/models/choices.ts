import { z } from 'zod';
import { defineChoices, field } from '../../core/choice.ts';
import type { ChatContext } from '../../core/context.ts';
import type { MenuOption } from '../../core/messages.ts';
import { JoinPolicy, ModelKind, ModelVerdict } from '../../generated/prisma/enums.ts';

/** Every button and menu entry of the models feature: `mdl:<verb>[:<field>...]`. */
export const modelChoice = defineChoices('mdl', {
  // residents
  list: {},
  mine: {},
  code: {},
  open: { model: field.id },
  join: { model: field.id },
  joinas: { model: field.id, show: field.flag },
  leave: { model: field.id },
  // leaders (and officers)
  members: { model: field.id },
  requests: { model: field.id },
  approve: { membership: field.id },
  decline: { membership: field.id },
  qr: { model: field.id },
  notice: { model: field.id },
  send: { broadcast: field.id },
  // officers
  manage: {},
  review: { model: field.id },
  retire: { model: field.id },
  reactivate: { model: field.id },
  leaderinvite: { model: field.id },
  verdict: { model: field.id, verdict: z.enum(ModelVerdict) },
  nonote: {},
  create: {},
  area: { code: z.string().regex(/^\d{1,8}$/) },
  kind: { kind: z.enum(ModelKind) },
  nodesc: {},
  policy: { policy: z.enum(JoinPolicy) },
});

export const backToList = (ctx: ChatContext): MenuOption => ({
  id: modelChoice.pack('list'),
  label: ctx.t('nav-back'),
});

export const backToModel = (ctx: ChatContext, modelId: number): MenuOption => ({
  id: modelChoice.pack('open', { model: modelId }),
  label: ctx.t('nav-back'),
});

/** The one answer to a model that does not exist or is not the person's to handle: the two are not told apart. */
export function modelNotFound(ctx: ChatContext): void {
  ctx.reply(ctx.t('mdl-not-found'), { menu: [backToList(ctx)] });
}
