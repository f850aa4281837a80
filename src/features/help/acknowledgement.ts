import { fold } from '../../core/fold.ts';

const words = (list: string) => new Set(list.split(' '));
/** Folded words that acknowledge ("cảm ơn", "ok", "vâng", "dạ rõ"); a reply needs one of them. */
const ACK = words('cam on camon thank thanks tks you ok oke okay vang da ro biet');
/** Words that only address or soften ("anh", "công an xã", "nhiều", "ạ"): allowed around an acknowledgement. */
const COURTESY = words(
  'a nhe nha nhieu lam roi rat xin chan thanh very much so all anh chi em chu co bac ong ba cac ban bot cong an xa phuong can bo',
);

/**
 * "Dạ cảm ơn công an xã", "ok", "👍": a free reply made only of thanks, "got it" and forms of address.
 * Any other word (a question, something that happened) leaves it to the usual answer.
 */
export function isAcknowledgement(text: string): boolean {
  const said = fold(text).split(' ').filter(Boolean);
  if (!said.length) return /\p{Extended_Pictographic}/u.test(text) && !/[\p{L}\p{N}?]/u.test(text);
  return said.some((w) => ACK.has(w)) && said.every((w) => ACK.has(w) || COURTESY.has(w));
}
