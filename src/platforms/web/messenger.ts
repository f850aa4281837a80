import type { OutMessage } from '../../core/messages.ts';
import type { Db } from '../../db/client.ts';
import type { Pii } from '../../security/pii.ts';
import type { FetchedFile, Messenger, ParsedUpdate } from '../types.ts';
import { storeBotMessage, webPhotoFile } from './store.ts';

/**
 * The web chat as a messenger: updates come through its own routes (src/http/webchat), and "sending" keeps the
 * message for the device and announces it (PostgreSQL NOTIFY), so an open page shows it at once and a later
 * visit finds it. Nothing leaves the service, so there is nothing to pace, retry or acknowledge.
 */
export class WebMessenger implements Messenger {
  readonly platform = 'web' as const;
  readonly secretHeader = '';
  readonly webhookSecret = undefined;
  readonly ownRoutes = true;

  constructor(
    private readonly db: Db,
    private readonly pii: Pii,
  ) {}

  parse(): ParsedUpdate {
    return { ok: false, error: 'the web chat takes messages at /chat/api' };
  }

  async send(chatId: string, message: OutMessage): Promise<void> {
    await storeBotMessage(this.db, this.pii, chatId, message);
  }

  fetchFile(id: string): Promise<FetchedFile | undefined> {
    return webPhotoFile(this.db, this.pii, id);
  }

  async acknowledge(): Promise<void> {}
  async setup(): Promise<void> {}
  startPolling(): void {}
  async stopPolling(): Promise<void> {}
}
