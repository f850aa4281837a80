import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { I18n, LOCALES } from '../../src/i18n/index.ts';

const root = join(import.meta.dirname, '../..');
const vi = readFileSync(join(root, 'locales/vi.ftl'), 'utf8').normalize('NFC');

/** Every .ts file under src/ (generated code aside). */
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'generated'
        ? []
        : sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [readFileSync(join(root, dir, e.name), 'utf8').normalize('NFC')]
        : [],
  );
const src = sources('src');

const LETTER = 'A-Za-zÀ-ỹĐđ';
/**
 * The old placement ("hòa", "khỏe", "thủy", "ủy"): the mark on the first vowel of
 * a final oa/oe/uy. The bot writes the new one ("hoà", "khoẻ", "thuỷ", "uỷ"), as
 * the official area names do ("Xã Hoà Mỹ"). "quý" is the same in both ("qu" is one consonant).
 */
const OLD_TONE_PLACEMENT = new RegExp(
  `(?<![${LETTER}])[${LETTER}]*?(?<![qQ])(?:[òóỏõọ][ae]|[ùúủũụ]y)(?![${LETTER}])`,
  'giu',
);

describe('tone marks', () => {
  it('locales/vi.ftl places them one way only', () => {
    expect(vi.match(OLD_TONE_PLACEMENT) ?? []).toEqual([]);
  });
  it('Vietnamese texts in src/ place them the same way', () => {
    // Comments explaining the two spellings (the area search folds both) are not texts people read.
    const texts = src.flatMap((s) => s.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').match(OLD_TONE_PLACEMENT) ?? []);
    expect(texts).toEqual([]);
  });
  it('the pattern tells the two placements apart', () => {
    expect('hòa khỏe thủy ủy'.match(OLD_TONE_PLACEMENT)).toEqual(['hòa', 'khỏe', 'thủy', 'ủy']);
    expect('hoà khoẻ thuỷ uỷ quý hoàn thuyết khoảng'.match(OLD_TONE_PLACEMENT)).toBeNull();
  });
});

/**
 * Message ids shown as a button or a numbered menu entry: those named so
 * (menu-*, nav-*, *-label) and those the code passes as an option's label,
 * also as a prefix (`t(\`tip-action-${verb}\`)`).
 */
function labelIds(ids: string[]): string[] {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const line of src.flatMap((s) => s.split('\n'))) {
    // Helpers that take the label's id: option(ctx, 'verb', 'id').
    for (const m of line.matchAll(/option\(ctx,\s*'[a-z]+',\s*'([a-z0-9-]+)'/g)) exact.add(m[1]!);
    // A label that starts with a message (after at most one leading mark): `label: ctx.t('id')`,
    // `label: \`${mark} ${ctx.t(\`notice-${kind}\`)}\``; one in the middle ("#3 · đang gửi") need not be capitalised.
    const start = /label:\s*(?:`(?:\$\{[^`]*?\}\s*)?\$\{)?(?:ctx\.)?t\(\s*(?:'([a-z0-9-]+)'|`([a-z0-9-]+)\$\{)/.exec(
      line,
    );
    if (start?.[1]) exact.add(start[1]);
    if (start?.[2]) prefixes.add(start[2]);
  }
  return ids.filter(
    (id) =>
      /^(menu|nav)-/.test(id) || id.endsWith('-label') || exact.has(id) || [...prefixes].some((p) => id.startsWith(p)),
  );
}

/** A message's text with its variables left as "{$name}" (a label's own words are what is checked). */
function text(locale: string, id: string): string {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  bundle.addResource(new FluentResource(readFileSync(join(root, `locales/${locale}.ftl`), 'utf8')));
  return bundle.formatPattern(bundle.getMessage(id)!.value!, {}, []);
}

describe('labels', () => {
  const i18n = new I18n();
  it('are found (the scan works)', () => {
    const ids = labelIds(i18n.messageIds('vi'));
    expect(ids).toEqual(
      expect.arrayContaining(['menu-report', 'nav-back', 'tip-action-ack', 'report-skip', 'cat-theft']),
    );
  });
  for (const locale of LOCALES) {
    it(`start with a capital letter after any emoji (${locale})`, () => {
      const ids = labelIds(i18n.messageIds(locale));
      const lower = ids
        .map((id) => [id, text(locale, id)] as const)
        .filter(([, shown]) => {
          const first = /\p{L}/u.exec(shown.replace(/\{\$[a-z]+\}/gi, ''))?.[0];
          return first !== undefined && first === first.toLowerCase();
        });
      expect(lower).toEqual([]);
    });
  }
});
