import { afterAll, afterEach } from 'vitest';
import { takeButtonTalk } from '../fakes/zalo.ts';

/**
 * Set up for every test file: a message that reached a fake Zalo and speaks of buttons fails the test that sent it
 * (or the file, when it was sent after its last test). Zalo shows no buttons, so such a text misleads its reader.
 */
function noButtonTalk(): void {
  const found = takeButtonTalk();
  if (found.length) {
    throw new Error(`Zalo users were told about buttons they cannot see:\n${found.map((t) => `- ${t}`).join('\n')}`);
  }
}

afterEach(noButtonTalk);
afterAll(noButtonTalk);
