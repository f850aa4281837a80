import { fold } from '../../core/fold.ts';

/** Thanks and "got it" words as folded text; a short reply made of these is a courtesy, not a request. */
const THANKS = /\b(cam on|cam om|camon|thank|thanks|thank you|tks|thanks you)\b/;
const ALONE = new Set([
  'ok',
  'oke',
  'okay',
  'vang',
  'da',
  'da vang',
  'vang a',
  'da a',
  'da ro',
  'ro roi',
  'da biet',
  'biet roi',
]);
/** Longer texts say something: they go to the "not understood" answer and its menu. */
const MAX_WORDS = 10;

/** "Dạ cảm ơn công an xã", "ok", "👍": a free reply that only acknowledges what the bot said. */
export function isAcknowledgement(text: string): boolean {
  const folded = fold(text);
  if (!folded)
    return /^[\p{Extended_Pictographic}\uFE0F\u200D\s]+$/u.test(text) && /\p{Extended_Pictographic}/u.test(text);
  if (folded.split(' ').length > MAX_WORDS) return false;
  return ALONE.has(folded) || THANKS.test(folded);
}
