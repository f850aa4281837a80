import { countAudience, type Audience, type AudienceCount } from '../../broadcasting/audience.ts';
import { renderBroadcast, type Texts } from '../../broadcasting/content.ts';
import { contentOf, owningArea, topicOf } from '../../broadcasting/store.ts';
import type { Platform } from '../../core/messages.ts';
import { refuse, type Actor, type Outcome } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import { LOCALES, type I18n, type Locale } from '../../i18n/index.ts';
import { renderTelegram } from '../../platforms/telegram/render.ts';
import { renderOa } from '../../platforms/zalo-oa/render.ts';
import { renderZalo } from '../../platforms/zalo/render.ts';
import { mayReach } from './actions.ts';

/** The area an audience belongs to, when the actor may reach it; an unknown model or festival is refused the same way. */
export async function audienceWithin(
  tx: Tx,
  actor: Actor,
  audience: Audience,
): Promise<Outcome<{ areaCode: string | null }, 'area'>> {
  const exists =
    audience.kind === 'model'
      ? await tx.localModel.count({ where: { id: audience.modelId } })
      : audience.kind === 'festival'
        ? await tx.festival.count({ where: { id: audience.festivalId } })
        : 1;
  if (!exists) return refuse('area');
  const areaCode = await owningArea(tx, audience);
  return (await mayReach(tx, actor, areaCode)) ? { ok: true, areaCode } : refuse('area');
}

/** How many accounts a new broadcast to the audience would reach now, by platform: the chat preview's count. */
export async function recipientCount(
  tx: Tx,
  actor: Actor,
  audience: Audience,
): Promise<Outcome<{ count: AudienceCount }, 'area'>> {
  const within = await audienceWithin(tx, actor, audience);
  if (!within.ok) return within;
  return { ok: true, count: await countAudience(tx, audience, topicOf(audience)) };
}

/** One recipient's copy as a messenger shows it: the messages it is split into. */
export interface PlatformPreview {
  platform: Platform;
  locale: Locale;
  messages: string[];
}

const PLATFORMS: Platform[] = ['telegram', 'zalo', 'zalo_oa'];

const asShown: Record<Platform, (message: ReturnType<typeof renderBroadcast>) => string[]> = {
  telegram: (m) => renderTelegram(m).map((part) => part.text),
  zalo: (m) => renderZalo(m),
  zalo_oa: (m) => renderOa(m).flatMap((part) => (part.text ? [part.text] : [])),
  // The web chat shows the text whole, as it is.
  web: (m) => [m.text],
};

/**
 * What the audience's residents would read, per messenger and language of the audience (all of them when it
 * names none): the text each resident gets, through the platform's own renderer.
 */
export async function previewBroadcast(
  tx: Tx,
  i18n: I18n,
  actor: Actor,
  audience: Audience,
  texts: Texts,
): Promise<Outcome<{ previews: PlatformPreview[] }, 'area'>> {
  const within = await audienceWithin(tx, actor, audience);
  if (!within.ok) return within;
  const modelId = audience.kind === 'model' ? audience.modelId : null;
  const content = await contentOf(tx, { areaCode: within.areaCode, modelId, texts, photo: null, buttons: null });
  const previews: PlatformPreview[] = [];
  for (const platform of audience.platforms ?? PLATFORMS)
    for (const locale of audience.locales ?? LOCALES)
      previews.push({ platform, locale, messages: asShown[platform](renderBroadcast(i18n, locale, content)) });
  return { ok: true, previews };
}
