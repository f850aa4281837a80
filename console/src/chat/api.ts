import { deviceToken } from './device.ts';

/** One message as the service shows it (src/platforms/web/render.ts). */
export interface ChatMessage {
  id: string;
  from: 'bot' | 'me';
  at: string;
  text?: string;
  buttons?: Array<{ id: string; label: string }>;
  image?: string;
  photo?: string;
  link?: string;
  pressed?: string;
}

/** Why a send did not go: too many too fast, a photo too large or of another type, anything else. */
export type SendRefusal = 'slow' | 'too-large' | 'type' | 'failed';

const headers = () => ({ 'x-chat-device': deviceToken() });

const refusalOf = (status: number): SendRefusal =>
  status === 429 ? 'slow' : status === 413 ? 'too-large' : status === 415 ? 'type' : 'failed';

async function sent(res: Promise<Response>): Promise<SendRefusal | undefined> {
  const answer = await res.catch(() => undefined);
  if (!answer) return 'failed';
  return answer.ok ? undefined : refusalOf(answer.status);
}

export const sendText = (clientId: string, text: string) =>
  sent(
    fetch('/chat/api/send', {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, text }),
    }),
  );

export const press = (clientId: string, choice: { id: string; label: string }) =>
  sent(
    fetch('/chat/api/send', {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, choice }),
    }),
  );

export const sendPhoto = (clientId: string, file: File) =>
  sent(
    fetch('/chat/api/photo', {
      method: 'POST',
      headers: { ...headers(), 'x-chat-client-id': clientId, 'content-type': file.type || 'application/octet-stream' },
      body: file,
    }),
  );

/** One of the person's photos as a data: address (the page's CSP admits no blob: images). */
export async function photoData(id: string): Promise<string | undefined> {
  const res = await fetch(`/chat/api/photos/${encodeURIComponent(id)}`, { headers: headers() }).catch(() => undefined);
  if (!res?.ok) return undefined;
  const blob = await res.blob();
  return new Promise((done) => {
    const reader = new FileReader();
    reader.onload = () => done(typeof reader.result === 'string' ? reader.result : undefined);
    reader.onerror = () => done(undefined);
    reader.readAsDataURL(blob);
  });
}

/**
 * The chat's messages: its history, then each new one as it comes (server-sent events, read with fetch since the
 * device token goes in a header). A lost stream is opened again from the last message seen. Returns a stop.
 */
export function followMessages(hear: (m: ChatMessage) => void, onState: (live: boolean) => void): () => void {
  let last = '0';
  let stopped = false;
  const control = new AbortController();
  const run = async () => {
    while (!stopped) {
      try {
        const res = await fetch(`/chat/api/events?after=${last}`, { headers: headers(), signal: control.signal });
        if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
        onState(true);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (!data) continue;
            const message = JSON.parse(data) as ChatMessage;
            last = message.id;
            hear(message);
          }
        }
      } catch {
        if (stopped) return;
      }
      onState(false);
      await new Promise((r) => setTimeout(r, 2000));
    }
  };
  void run();
  return () => {
    stopped = true;
    control.abort();
  };
}
