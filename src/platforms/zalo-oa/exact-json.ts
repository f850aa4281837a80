/**
 * A JSON string or number. Strings are matched whole first, so digits inside them are never touched; an
 * unterminated one runs to the end (JSON.parse then refuses it) instead of being retried at every quote.
 */
const TOKEN = /"(?:[^"\\]|\\[\s\S])*"?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

const quoteIfInexact = (token: string): string =>
  /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token)) ? `"${token}"` : token;

/**
 * JSON.parse, except that an integer a JS number cannot hold exactly arrives as its digits (a string).
 * Zalo's ids and timestamps exceed 2^53 and are documented as strings; should one come as a bare number,
 * rounding it would merge two people. (Node 20's reviver has no `context.source` to do this otherwise.)
 */
export function parseExactJson(raw: Buffer | string): unknown {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  return JSON.parse(text.replace(TOKEN, quoteIfInexact));
}
