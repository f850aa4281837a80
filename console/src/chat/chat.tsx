import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchStrings, LOCALES, type Locale, type Strings } from '../api.ts';
import { followMessages, photoData, press, sendPhoto, sendText, type ChatMessage, type SendRefusal } from './api.ts';
import { newClientId } from './device.ts';

const query = new URLSearchParams(location.search);
const embedded = query.get('embed') === '1';
/** The commune of the site that embeds the chat (the widget's data-area): the first question offers it. */
const area = /^\d{1,8}$/.test(query.get('area') ?? '') ? query.get('area') : null;
const START = area ? `/start a_${area}` : '/start';
const pageLocale = (): Locale => (LOCALES.find((l) => navigator.language.startsWith(l)) === 'en' ? 'en' : 'vi');

const REFUSAL_TEXT: Record<SendRefusal, string> = {
  slow: 'console-ui-webchat-slow-down',
  'too-large': 'console-ui-webchat-photo-too-large',
  type: 'console-ui-webchat-photo-type',
  failed: 'console-ui-webchat-send-failed',
};

/** One of the person's photos, fetched with the device token. */
function OwnPhoto({ id, alt }: { id: string; alt: string }) {
  const [src, setSrc] = useState<string | undefined>(undefined);
  useEffect(() => void photoData(id).then(setSrc), [id]);
  return src ? <img class="chat-photo" src={src} alt={alt} /> : <span class="chat-muted">📷</span>;
}

function Bubble(props: {
  m: ChatMessage;
  t: (id: string) => string;
  onPress: (b: { id: string; label: string }) => void;
}) {
  const { m, t, onPress } = props;
  return (
    <li class={`chat-msg chat-${m.from}`} data-testid={`msg-${m.from}`}>
      {m.pressed && <p class="chat-pressed">{m.pressed}</p>}
      {m.text && <p class="chat-text">{m.text}</p>}
      {m.image && <img class="chat-photo" src={m.image} alt="" />}
      {m.photo && <OwnPhoto id={m.photo} alt={t('console-ui-webchat-photo')} />}
      {m.link && (
        <a href={m.link} target="_blank" rel="noopener noreferrer">
          {t('console-ui-webchat-open-photo')}
        </a>
      )}
      {m.buttons && (
        <div class="chat-buttons">
          {m.buttons.map((b) => (
            <button type="button" key={b.id} onClick={() => onPress(b)}>
              {b.label}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

export function ChatPage() {
  const [strings, setStrings] = useState<Strings | undefined>(undefined);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [live, setLive] = useState(true);
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const locale = pageLocale();
    document.documentElement.lang = locale;
    fetchStrings(locale).then(setStrings, () => setNotice('Lỗi / Error'));
    return followMessages(
      (m) => {
        setLoaded(true);
        setMessages((all) => (all.some((x) => x.id === m.id) ? all : [...all, m]));
      },
      (on) => {
        setLive(on);
        if (on) setTimeout(() => setLoaded(true), 300);
      },
    );
  }, []);

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [messages.length]);

  if (!strings) return notice ? <p class="chat-notice">{notice}</p> : null;
  const t = (id: string) => strings[id] ?? id;
  document.title = t('console-ui-webchat-title');

  /** One send: its refusal shown, the draft kept when it did not go. */
  const run = async (send: () => Promise<SendRefusal | undefined>): Promise<boolean> => {
    setBusy(true);
    const refused = await send();
    setBusy(false);
    setNotice(refused && t(REFUSAL_TEXT[refused]));
    return !refused;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const text = draft.trim();
    if (!text || busy) return;
    const id = newClientId();
    if (await run(() => sendText(id, text))) setDraft('');
  };

  const onPhoto = async () => {
    const file = photoInput.current?.files?.[0];
    if (!file) return;
    const id = newClientId();
    await run(() => sendPhoto(id, file));
    photoInput.current!.value = '';
  };

  return (
    <div class={`chat-shell${embedded ? ' chat-embedded' : ''}`}>
      <header class="chat-top">
        <h1>{t('console-ui-webchat-title')}</h1>
        {!live && <span class="chat-muted">{t('console-ui-webchat-offline')}</span>}
      </header>
      <ol class="chat-list" ref={list} aria-live="polite">
        {loaded && messages.length === 0 && (
          <li class="chat-intro">
            <p>{t('console-ui-webchat-intro')}</p>
            <button type="button" onClick={() => void run(() => sendText(newClientId(), START))}>
              {t('console-ui-webchat-start')}
            </button>
          </li>
        )}
        {messages.map((m) => (
          <Bubble key={m.id} m={m} t={t} onPress={(b) => void run(() => press(newClientId(), b))} />
        ))}
      </ol>
      {notice && (
        <p class="chat-notice" role="status">
          {notice}
        </p>
      )}
      <form class="chat-form" onSubmit={submit}>
        <label class="chat-attach">
          <span aria-hidden="true">📷</span>
          <span class="chat-sr">{t('console-ui-webchat-photo')}</span>
          <input
            ref={photoInput}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            onChange={() => void onPhoto()}
            disabled={busy}
          />
        </label>
        <textarea
          rows={1}
          value={draft}
          placeholder={t('console-ui-webchat-placeholder')}
          aria-label={t('console-ui-webchat-placeholder')}
          maxLength={4000}
          onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) void submit(e);
          }}
        />
        <button type="submit" disabled={busy || !draft.trim()}>
          {t('console-ui-webchat-send')}
        </button>
      </form>
    </div>
  );
}
