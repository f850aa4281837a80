/**
 * Version of the personal-data notice in locales/*.ftl (`consent-text`).
 * Bump it whenever that text changes: each consent is stored with the version it answered.
 */
export const CONSENT_TEXT_VERSION = '2025-07-01.1';

/** What people type for yes and no at the consent question, in either language (matched folded: "dong y" = "đồng ý"). */
export const CONSENT_FORMS = {
  accept: ['đồng ý', 'tôi đồng ý', 'có', 'ok', 'yes', 'i agree', 'agree'],
  decline: ['không', 'không đồng ý', 'từ chối', 'no', 'i do not agree'],
} as const;
