import type { MenuOption, OutMessage } from '../../core/messages.ts';
import { renderZalo } from '../zalo/render.ts';
import { splitText } from '../split-text.ts';
import { pressPayload } from './press.ts';

/** Characters in one OA text (and in the text of a button message). */
export const TEXT_LIMIT = 2000;
/** A button's title; longer labels are cut. */
export const BUTTON_TITLE_LIMIT = 100;
/** An `oa.query.*` payload: the marked option id that comes back as the user's (hidden) message. */
export const BUTTON_PAYLOAD_LIMIT = 1000;
/**
 * Buttons under one message. Zalo's own docs were not checked: five is what community code sends (eSMS's
 * "tư vấn dạng button" example carries five, one of each kind) and what Zalo's v2 docs are quoted as allowing.
 * A menu with more options falls back to a numbered list, as on Zalo Bot.
 */
export const MAX_BUTTONS = 5;
/**
 * The v3 `template_type` of a button message is UNVERIFIED: community code sends "button", eSMS's example sends
 * none (the `buttonTemplate: null` option).
 */
export const DEFAULT_BUTTON_TEMPLATE = 'button';

export interface OaQueryButton {
  /** `hide`: the payload is not shown to the person as their own message (`show` would post "#chon:lang:vi"). */
  type: 'oa.query.hide';
  title: string;
  payload: string;
}

type MediaElement = { media_type: 'image'; url: string } | { media_type: 'image'; attachment_id: string };

export type OaAttachment =
  | { type: 'template'; payload: { template_type?: string; buttons: OaQueryButton[] } }
  | { type: 'template'; payload: { template_type: 'media'; elements: [MediaElement] } }
  | {
      type: 'template';
      payload: {
        template_type: 'request_user_info';
        elements: [{ title: string; subtitle: string; image_url: string }];
      };
    }
  | { type: 'file'; payload: { token: string } };

/** The `message` of one POST /v3.0/oa/message/cs. */
export interface OaMessage {
  text?: string;
  attachment?: OaAttachment;
}

/** What the send step uploaded before rendering (the upload itself is not done here). */
export interface OaUploads {
  /** The attachment_id of `message.photo` when it is a file id (ids of other platforms mean nothing to OA). */
  photo?: string;
  /** `message.file` as uploaded: an image gives an attachment_id, a document a file token. */
  file?: { attachmentId: string } | { token: string };
}

export interface OaRenderOptions {
  uploads?: OaUploads;
  /** The image of the contact form (request_user_info); without one, `message.requestContact` is left out. */
  contactFormImage?: string;
  /** The button message's `template_type`; null leaves the field out. */
  buttonTemplate?: string | null;
}

/** Cuts a label to the title limit, marking the cut; never splits a surrogate pair. */
function buttonTitle(label: string): string {
  if (label.length <= BUTTON_TITLE_LIMIT) return label;
  let cut = BUTTON_TITLE_LIMIT - 1;
  if (/[\uD800-\uDBFF]/.test(label.charAt(cut - 1))) cut -= 1;
  return `${label.slice(0, cut)}…`;
}

function queryButton(option: MenuOption): OaQueryButton {
  const payload = pressPayload(option.id);
  // The id is what the router reads back: cutting it would press another option, or none.
  if (payload.length > BUTTON_PAYLOAD_LIMIT)
    throw new Error(`button payload over ${BUTTON_PAYLOAD_LIMIT} chars: ${option.id}`);
  return { type: 'oa.query.hide', title: buttonTitle(option.label), payload };
}

const image = (element: MediaElement, text?: string): OaMessage => ({
  ...(text === undefined ? {} : { text }),
  attachment: { type: 'template', payload: { template_type: 'media', elements: [element] } },
});

/**
 * An OutMessage as OA messages, in sending order: the photo (captioned with the text when the text fits one
 * message and carries no buttons), the text split to the limit with the buttons on its last part, the contact
 * form, then the file.
 * A menu (else the buttons) becomes tappable `oa.query.hide` buttons whose presses come back marked (press.ts);
 * more than MAX_BUTTONS options become a numbered list answered by typing, as on Zalo Bot.
 */
export function renderOa(message: OutMessage, opts: OaRenderOptions = {}): OaMessage[] {
  const options = message.menu?.length ? message.menu : message.buttons;
  const tappable = options?.length && options.length <= MAX_BUTTONS ? options.map(queryButton) : undefined;
  const parts = tappable ? splitText(message.text, TEXT_LIMIT) : renderZalo(message);
  const out: OaMessage[] = [];

  const photo = message.photo;
  const element: MediaElement | undefined =
    photo && 'url' in photo
      ? { media_type: 'image', url: photo.url }
      : photo && opts.uploads?.photo
        ? { media_type: 'image', attachment_id: opts.uploads.photo }
        : undefined;
  if (element) out.push(image(element, !tappable && parts.length === 1 ? parts.shift() : undefined));

  const texts: OaMessage[] = parts.map((text) => ({ text }));
  if (tappable) {
    const type = opts.buttonTemplate === undefined ? DEFAULT_BUTTON_TEMPLATE : opts.buttonTemplate;
    const payload = { ...(type === null ? {} : { template_type: type }), buttons: tappable };
    texts.push({ ...(texts.pop() ?? { text: '' }), attachment: { type: 'template', payload } });
  }
  out.push(...texts);

  if (message.requestContact && opts.contactFormImage)
    out.push(renderRequestUserInfo({ ...message.requestContact, imageUrl: opts.contactFormImage }));

  const file = message.file && opts.uploads?.file;
  if (file) {
    out.push(
      'token' in file
        ? { attachment: { type: 'file', payload: { token: file.token } } }
        : image({ media_type: 'image', attachment_id: file.attachmentId }),
    );
  }
  return out;
}

/**
 * Asks the person for their details (Zalo shows a form for name, phone, address); the answer arrives as a
 * `user_submit_info` event. Shape as community code sends it: one element with a title, subtitle and image.
 */
export function renderRequestUserInfo(request: { title: string; subtitle: string; imageUrl: string }): OaMessage {
  return {
    attachment: {
      type: 'template',
      payload: {
        template_type: 'request_user_info',
        elements: [{ title: request.title, subtitle: request.subtitle, image_url: request.imageUrl }],
      },
    },
  };
}
