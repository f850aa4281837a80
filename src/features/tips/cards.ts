import type { ChatContext } from '../../core/context.ts';
import { formatTime } from '../../core/format.ts';
import type { MenuOption, OutMessage, PhotoRef, Platform } from '../../core/messages.ts';
import type { Tip, TipStatus } from '../../generated/prisma/client.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Reader } from '../../core/people.ts';
import type { ThreadMessage, TipContent } from './store.ts';

type T = (id: string, args?: Record<string, string | number>) => string;

export const translator = (ctx: ChatContext, locale: Locale): T => ctx.i18n.translator(locale);

/**
 * What officers read about a tip: never who sent it, only what they chose to
 * share (a phone number, when not anonymous).
 */
export function tipDetails(t: T, locale: Locale, tip: Tip, content: TipContent, area: string): string {
  const lines = [
    t(tip.urgent ? 'tip-card-urgent' : 'tip-card-title', { code: tip.code }),
    t('tip-card-category', { category: t(`cat-${tip.category}`) }),
    t('tip-card-area', { area }),
    t('tip-card-time', { time: formatTime(locale, tip.createdAt) }),
    t('tip-card-status', { status: t(`status-${tip.status}`) }),
    t('tip-card-description', { text: content.description }),
  ];
  if (content.place) lines.push(t('tip-card-place', { place: content.place }));
  if (content.location) {
    const { latitude, longitude } = content.location;
    lines.push(t('tip-card-location', { lat: latitude.toFixed(5), lng: longitude.toFixed(5) }));
  }
  if (tip.photoCount) lines.push(t('tip-card-photos', { count: tip.photoCount }));
  lines.push(content.contact ? t('tip-card-contact', { phone: content.contact }) : t('tip-card-anonymous'));
  return lines.join('\n');
}

/** The actions an officer can take on a tip in its status, as option ids `tip:<verb>:<code>`. */
export function officerActions(t: T, tip: Tip): MenuOption[] {
  const open = (['new', 'acknowledged', 'in_progress'] as TipStatus[]).includes(tip.status);
  const verbs = [
    tip.status === 'new' && 'ack',
    (tip.status === 'new' || tip.status === 'acknowledged') && 'take',
    'reply',
    open && 'resolve',
    open && 'reject',
    open && 'duplicate',
    open && 'spam',
  ].filter((v): v is string => Boolean(v));
  return verbs.map((verb) => ({ id: `tip:${verb}:${tip.code}`, label: t(`tip-action-${verb}`) }));
}

/** A card pushed to an officer or station group: buttons on Telegram, a typed command on Zalo. */
export function officerCard(t: T, tip: Tip, details: string): OutMessage {
  return {
    text: `${details}\n\n${t('tip-card-hint', { code: tip.code })}`,
    buttons: officerActions(t, tip).filter((o) => !o.id.startsWith('tip:spam:')),
  };
}

/** Photos as separate messages; Telegram file ids cannot be shown on Zalo, so Zalo gets a note instead. */
export function photoMessages(t: T, platform: Platform, code: string, photos: PhotoRef[]): OutMessage[] {
  const showable = photos.filter((p) => platform === 'telegram' || 'url' in p);
  const out: OutMessage[] = showable.map((photo, i) => ({
    text: t('tip-photo-caption', { code, n: i + 1, total: showable.length }),
    photo,
  }));
  if (showable.length < photos.length) {
    out.push({ text: t('tip-photos-elsewhere', { code, count: photos.length - showable.length }) });
  }
  return out;
}

/** Sends each reader the card and the photos, in their language. */
export function sendToEach(ctx: ChatContext, readers: Reader[], build: (t: T, reader: Reader) => OutMessage[]): void {
  for (const reader of readers) {
    for (const message of build(translator(ctx, reader.locale), reader)) ctx.send(reader.to, message);
  }
}

/** A thread as either side reads it: "You"/"Officer" for the reporter, "Reporter"/"Officer" for officers. */
export function threadText(t: T, thread: ThreadMessage[], reader: 'citizen' | 'officer'): string {
  return thread
    .map((m) => {
      const who = t(
        m.author === 'officer' ? 'thread-officer' : reader === 'citizen' ? 'thread-you' : 'thread-reporter',
      );
      const body = [m.text, m.photos.length ? t('thread-photos', { count: m.photos.length }) : undefined]
        .filter(Boolean)
        .join(' ');
      return `${who}: ${body}`;
    })
    .join('\n');
}
