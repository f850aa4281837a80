import { offerMenu } from '../../core/conversation-store.ts';
import { formatTime } from '../../core/format.ts';
import type { MenuOption, OutMessage, PhotoRef, Platform } from '../../core/messages.ts';
import type { Reader } from '../../core/people.ts';
import type { Scope } from '../../core/scope.ts';
import type { Tip, TipStatus } from '../../generated/prisma/client.ts';
import type { Locale } from '../../i18n/index.ts';
import { canShowPhoto, capabilitiesOf } from '../../platforms/capabilities.ts';
import { tipChoice, VERB_MOVES, type TipVerb } from './choices.ts';
import { canMove, isClosed } from './moves.ts';
import type { TipReader } from './audience.ts';
import { PHOTO_LINK_HOURS } from './photo-links.ts';
import type { ThreadMessage, TipContent } from './store.ts';

type T = (id: string, args?: Record<string, string | number>) => string;

export const translator = (scope: Pick<Scope, 'i18n'>, locale: Locale): T => scope.i18n.translator(locale);

/** Where a card is read: an officer's own chat, or a group that everyone in it reads. */
export type CardPlace = 'private' | 'group';

/**
 * What officers read about a tip: never who sent it, only what they chose to
 * share (a phone number, when not anonymous, and only in an officer's private chat).
 */
export function tipDetails(
  t: T,
  locale: Locale,
  tip: Tip,
  content: TipContent,
  area: string,
  place: CardPlace,
): string {
  const lines = [
    // "New" only while nobody has acted on it: a card changed in place must not still call itself new.
    t(tip.urgent ? 'tip-card-urgent' : tip.status === 'new' ? 'tip-card-title' : 'tip-card-title-seen', {
      code: tip.code,
    }),
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
  if (!content.contact) lines.push(t('tip-card-anonymous'));
  else if (place === 'group') lines.push(t('tip-card-contact-private'));
  else lines.push(t('tip-card-contact', { phone: content.contact }));
  return lines.join('\n');
}

/**
 * The officer's actions in the order shown. On a numbered menu each keeps its
 * place's number whichever others the tip's status leaves out: "6" is always
 * "duplicate", never "spam" on a tip that can no longer be acknowledged.
 */
const ACTIONS = [
  'ack',
  'take',
  'reply',
  'resolve',
  'reject',
  'duplicate',
  'spam',
  'reopen',
] as const satisfies readonly TipVerb[];

/** The number of the entry after the actions (the way back to the inbox). */
export const AFTER_ACTIONS = ACTIONS.length + 1;

const allowed = (verb: (typeof ACTIONS)[number], tip: Tip): boolean =>
  verb === 'reply' || (verb === 'reopen' ? isClosed(tip.status) : canMove(tip.status, VERB_MOVES[verb]));

/** The actions an officer can take on a tip in its status, each with its fixed number. */
export function officerActions(t: T, tip: Tip): MenuOption[] {
  return ACTIONS.flatMap((verb, i) =>
    allowed(verb, tip)
      ? [{ id: tipChoice.pack(verb, { code: tip.code }), label: t(`tip-action-${verb}`), n: i + 1 }]
      : [],
  );
}

/** A history entry's status; one that follows a closed status is a reopening, and says so. */
export function eventStatus(t: T, events: ReadonlyArray<{ status: TipStatus }>, i: number): string {
  const status = t(`status-${events[i]!.status}`);
  const before = events[i - 1]?.status;
  return before && isClosed(before) && !isClosed(events[i]!.status) ? t('tip-history-reopened', { status }) : status;
}

/** How to act on a tip from a message in that chat: its buttons where there are any, else /tip and the numbered menu. */
const cardHint = (t: T, platform: Platform, code: string) =>
  t('tip-card-hint', { code, buttons: capabilitiesOf(platform).buttons ? 'yes' : 'no' });

/**
 * A message about a tip pushed to an officer's chat or a station group, with what can be done about it: buttons
 * where the chat has them. In a private chat without buttons (Zalo) the same options are numbered under it and
 * answered by number at once, when they could become that chat's menu (offerMenu: not while the officer is in the
 * middle of a dialogue); otherwise the text says how to act by /tip.
 */
export async function tipNotice(
  scope: Scope,
  t: T,
  reader: TipReader,
  code: string,
  text: string,
  options: MenuOption[],
): Promise<OutMessage> {
  const { platform } = reader.to;
  if (capabilitiesOf(platform).buttons) return { text: `${text}\n\n${cardHint(t, platform, code)}`, buttons: options };
  if (reader.place === 'private' && (await offerMenu(scope, reader.to, options)))
    return { text, menu: options, menuHint: t('tip-card-hint', { code, buttons: 'menu' }) };
  return { text: `${text}\n\n${cardHint(t, platform, code)}` };
}

/** A new tip's card pushed to an officer or station group, with the actions a new tip allows. */
export function officerCard(scope: Scope, t: T, reader: TipReader, tip: Tip, details: string): Promise<OutMessage> {
  const actions = officerActions(t, tip).filter((o) => o.id !== tipChoice.pack('spam', { code: tip.code }));
  return tipNotice(scope, t, reader, tip.code, details, actions);
}

/**
 * Photos as separate messages. A platform's own file ids cannot be shown elsewhere: those chats get a link to
 * each such photo where `linkOf` gives one (officers, see photo-links.ts), else a note that they exist.
 */
export function photoMessages(
  t: T,
  platform: Platform,
  code: string,
  photos: PhotoRef[],
  linkOf?: (index: number) => string,
): OutMessage[] {
  const showable = photos.filter((p) => canShowPhoto(platform, p));
  const out: OutMessage[] = showable.map((photo, i) => ({
    text: t('tip-photo-caption', { code, n: i + 1, total: showable.length }),
    photo,
  }));
  const elsewhere = photos.flatMap((p, i) => (showable.includes(p) ? [] : [i]));
  // Where they were sent: the web chat's own uploads, or Telegram's.
  const web = elsewhere.every((i) => 'webPhoto' in photos[i]!) ? '-web' : '';
  if (elsewhere.length && linkOf) {
    const links = elsewhere.map((i, n) => t('tip-photo-link', { n: n + 1, url: linkOf(i) })).join('\n');
    out.push({ text: t(`tip-photo-links${web}`, { code, count: elsewhere.length, hours: PHOTO_LINK_HOURS, links }) });
  } else if (elsewhere.length) {
    out.push({ text: t(`tip-photos-elsewhere${web}`, { code, count: elsewhere.length }) });
  }
  return out;
}

/** Sends each reader the card and the photos, in their language. */
export async function sendToEach<R extends Reader>(
  scope: Scope,
  readers: R[],
  build: (t: T, reader: R) => OutMessage[] | Promise<OutMessage[]>,
): Promise<void> {
  for (const reader of readers) {
    for (const message of await build(translator(scope, reader.locale), reader)) scope.send(reader.to, message);
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
