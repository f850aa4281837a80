import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Translate = (id: string, args?: Record<string, FluentVariable>) => string;

const localesDir = fileURLToPath(new URL('../../locales/', import.meta.url));

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Fluent bundles for every locale, loaded once from locales/*.ftl. */
export class I18n {
  readonly #bundles = new Map<Locale, FluentBundle>();

  constructor(readonly defaultLocale: Locale = 'vi') {
    for (const locale of LOCALES) {
      // Isolation marks (U+2068/2069) would show up as garbage in some messengers.
      const bundle = new FluentBundle(locale, { useIsolating: false });
      const errors = bundle.addResource(new FluentResource(readFileSync(`${localesDir}${locale}.ftl`, 'utf8')));
      if (errors.length) throw new Error(`locales/${locale}.ftl: ${errors.map(String).join('; ')}`);
      this.#bundles.set(locale, bundle);
    }
  }

  messageIds(locale: Locale): string[] {
    const bundle = this.#bundles.get(locale)!;
    // FluentBundle keeps messages in a Map; it has no public iterator.
    return [...(bundle as unknown as { _messages: Map<string, unknown> })._messages.keys()];
  }

  t(locale: Locale, id: string, args?: Record<string, FluentVariable>): string {
    const bundle = this.#bundles.get(locale) ?? this.#bundles.get(this.defaultLocale)!;
    const message = bundle.getMessage(id);
    if (!message?.value) throw new Error(`missing message "${id}" in locale ${locale}`);
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, args, errors);
    if (errors.length) throw new Error(`message "${id}" (${locale}): ${errors.map(String).join('; ')}`);
    return text;
  }

  translator(locale: Locale): Translate {
    return (id, args) => this.t(locale, id, args);
  }
}
