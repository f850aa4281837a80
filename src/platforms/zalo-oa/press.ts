/**
 * A button's payload carries this mark before the option id. Zalo sends a pressed `oa.query.hide` button's
 * payload back as the person's text (without showing it in the chat); the mark tells a press from anything
 * typed, so that it arrives as a press (`kind: 'choice'`), as Telegram's do. Every press is checked again by
 * the feature it reaches, like Telegram's callback data: typing one presses nothing the person could not press.
 * That `hide` keeps the payload out of the chat is UNVERIFIED (community docs; ZALO-OA.md names both kinds).
 */
export const PRESS_MARK = '#chon:';

export const pressPayload = (optionId: string): string => `${PRESS_MARK}${optionId}`;

/** The option id a text carries when it is a pressed button's payload, else undefined. */
export function pressedOption(text: string | undefined): string | undefined {
  return text?.startsWith(PRESS_MARK) && text.length > PRESS_MARK.length ? text.slice(PRESS_MARK.length) : undefined;
}
