import type { MenuOption, OutMessage } from '../../core/messages.ts';
import type { StoredWebMessage } from './store.ts';

/** One message as the web chat page shows it: plain text (the page escapes it), buttons, an image, a link. */
export interface WebView {
  id: string;
  from: 'bot' | 'me';
  at: string;
  text?: string;
  buttons?: Array<Pick<MenuOption, 'id' | 'label'>>;
  /** An image the bot made (a QR code), as a data: address the page's CSP admits. */
  image?: string;
  /** A photo of the person's, fetched by the page with its device token. */
  photo?: string;
  /** A photo kept at an address (a broadcast's), opened in a new tab: the page loads nothing from elsewhere. */
  link?: string;
  /** A pressed button's label, on the person's side. */
  pressed?: string;
}

const botView = (m: OutMessage): Omit<WebView, 'id' | 'from' | 'at'> => {
  const options = m.menu?.length ? m.menu : m.buttons;
  return {
    text: m.text,
    ...(options?.length && { buttons: options.map((o) => ({ id: o.id, label: o.label })) }),
    ...(m.file?.kind === 'photo' && { image: `data:image/png;base64,${m.file.base64}` }),
    ...(m.photo && 'url' in m.photo && /^https?:\/\//.test(m.photo.url) && { link: m.photo.url }),
  };
};

export function renderWeb(stored: StoredWebMessage): WebView {
  const base = { id: String(stored.id), at: stored.at.toISOString() };
  if (stored.fromBot) return { ...base, from: 'bot', ...botView(stored.message) };
  const { text, pressed, photo } = stored.message;
  return { ...base, from: 'me', ...(text && { text }), ...(pressed && { pressed }), ...(photo && { photo }) };
}
