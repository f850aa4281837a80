import type { Policy } from '../../src/config.ts';
import type { Scope } from '../../src/core/scope.ts';
import type { Db } from '../../src/db/client.ts';
import { I18n } from '../../src/i18n/index.ts';
import { inScope } from '../../src/pipeline/run-scope.ts';
import { testPii } from './people.ts';

/** The service's default limits; no reminders unless a test plans them. */
export const TEST_POLICY: Policy = {
  TIPS_PER_HOUR: 5,
  FOLLOWUPS_PER_HOUR: 10,
  FOLLOWUP_BATCH_SECONDS: 60,
  FLOOD_PER_MINUTE: 30,
  FESTIVAL_REMINDERS: [],
  TELEGRAM_BOT_USERNAME: undefined,
  ZALO_OA_WINDOW_HOURS: 168,
};

/** Runs a use case as the CLI and the web console do: a transaction of its own, no chat, no messenger. */
export const runUseCase = <T>(db: Db, use: (scope: Scope) => Promise<T>, policy: Policy = TEST_POLICY) =>
  inScope({ db, pii: testPii(), i18n: new I18n('vi'), policy }, use);
