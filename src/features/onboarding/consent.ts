/**
 * Version of the personal-data notice in locales/*.ftl (`consent-text`).
 * Bump it whenever that text changes: each consent is stored with the version it answered.
 */
export const CONSENT_TEXT_VERSION = '2025-07-01.1';
