import { describe, expect, it } from 'vitest';
import { keepMenu, readMenuAnswer } from '../../src/core/menu.ts';
import { Pii } from '../../src/security/pii.ts';
import { CONSENT_FORMS } from '../../src/features/onboarding/consent.ts';

const pii = new Pii('cd'.repeat(32));

describe('typed labels, matched the way people type them', () => {
  const consent = keepMenu(pii, [
    { id: 'yes', label: '✅ Tôi đồng ý', also: [...CONSENT_FORMS.accept] },
    { id: 'no', label: '❌ Không đồng ý', also: [...CONSENT_FORMS.decline] },
  ]);
  it.each([
    ['dong y', 'yes'],
    ['đồng ý', 'yes'],
    ['Đồng ý!', 'yes'],
    ['Ok', 'yes'],
    ['OK 👍', 'yes'],
    ['co', 'yes'],
    ['Có.', 'yes'],
    ['toidongy', 'yes'],
    ['✅ tôi đồng ý', 'yes'],
    ['khong', 'no'],
    ['Không đồng ý', 'no'],
    ['khong dong y', 'no'],
    ['2', 'no'],
  ])('%j → %s', (text, id) => {
    expect(readMenuAnswer(text, consent, pii)).toEqual({ kind: 'option', id });
  });

  it.each(['đồng', 'có lẽ', 'dạ vâng ạ', '3', '', '🙂'])('%j picks nothing', (text) => {
    expect(readMenuAnswer(text, consent, pii)).toEqual({ kind: 'none' });
  });

  it('keeps only hashes: no label or form in clear', () => {
    const kept = JSON.stringify(consent);
    for (const word of ['dong', 'đồng', 'ok', 'khong', 'toidongy']) expect(kept).not.toContain(word);
  });

  it('a form two options accept picks neither; a whole label still does', () => {
    const menu = keepMenu(pii, [
      { id: 'going', label: '✅ Tôi sẽ tham gia', also: ['tham gia', 'có'] },
      { id: 'maybe', label: '🤔 Có thể', also: ['có'] },
      { id: 'not', label: '❌ Không tham gia', also: ['không'] },
    ]);
    expect(readMenuAnswer('co', menu, pii)).toEqual({ kind: 'ambiguous' });
    expect(readMenuAnswer('có thể', menu, pii)).toEqual({ kind: 'option', id: 'maybe' });
    expect(readMenuAnswer('tham gia', menu, pii)).toEqual({ kind: 'option', id: 'going' });
    expect(readMenuAnswer('không tham gia', menu, pii)).toEqual({ kind: 'option', id: 'not' });
  });

  it('two options with the same label: typing it is ambiguous, their numbers are not', () => {
    const menu = keepMenu(pii, [
      { id: 'a', label: 'Nguyễn Văn An' },
      { id: 'b', label: 'Nguyen Van An' },
    ]);
    expect(readMenuAnswer('nguyen van an', menu, pii)).toEqual({ kind: 'ambiguous' });
    expect(readMenuAnswer('2', menu, pii)).toEqual({ kind: 'option', id: 'b' });
  });

  it('reads a menu kept before forms were hashed by its label alone', () => {
    const old = consent.map(({ id, answer }) => ({ id, answer }));
    expect(readMenuAnswer('toi dong y', old, pii)).toEqual({ kind: 'option', id: 'yes' });
    expect(readMenuAnswer('ok', old, pii)).toEqual({ kind: 'none' });
  });
});
