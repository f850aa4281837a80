import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MenuOption } from '../../src/core/messages.ts';
import { PRESS_MARK } from '../../src/platforms/zalo-oa/press.ts';
import { MAX_BUTTONS, renderOa, renderRequestUserInfo, TEXT_LIMIT } from '../../src/platforms/zalo-oa/render.ts';

const request = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/zalo-oa/${name}`, import.meta.url), 'utf8'));
const options = (n: number): MenuOption[] =>
  Array.from({ length: n }, (_, i) => ({ id: `opt:${i + 1}`, label: `Option ${i + 1}` }));

describe('Zalo OA rendering: text', () => {
  it('sends plain text as the documented text message', () => {
    expect(renderOa({ text: 'text_message' })).toEqual([request('api-send-cs-text-request.json').message]);
  });

  it('splits text over 2,000 characters at a paragraph, every part within the limit', () => {
    const first = 'a'.repeat(1500);
    const second = 'b'.repeat(1500);
    const parts = renderOa({ text: `${first}\n\n${second}` });
    expect(parts).toEqual([{ text: first }, { text: second }]);
    expect(parts.every((p) => p.text!.length <= TEXT_LIMIT)).toBe(true);
  });
});

describe('Zalo OA rendering: menus and buttons', () => {
  it('makes a menu tappable: each option an oa.query.hide button whose payload is the marked option id', () => {
    const parts = renderOa({ text: 'Chọn:', menu: options(2), menuHint: 'Trả lời bằng số' });
    expect(parts).toEqual([
      {
        text: 'Chọn:',
        attachment: {
          type: 'template',
          payload: {
            template_type: 'button',
            buttons: [
              { type: 'oa.query.hide', title: 'Option 1', payload: '#chon:opt:1' },
              { type: 'oa.query.hide', title: 'Option 2', payload: '#chon:opt:2' },
            ],
          },
        },
      },
    ]);
  });

  it('takes the unverified template_type as a parameter, or leaves it out', () => {
    const [part] = renderOa({ text: 'x', buttons: options(1) }, { buttonTemplate: 'list' });
    expect(part!.attachment).toMatchObject({ payload: { template_type: 'list' } });
    const [bare] = renderOa({ text: 'x', buttons: options(1) }, { buttonTemplate: null });
    expect(bare!.attachment).toEqual({
      type: 'template',
      payload: { buttons: [{ type: 'oa.query.hide', title: 'Option 1', payload: '#chon:opt:1' }] },
    });
  });

  it('puts the buttons on the last part of a split text only', () => {
    const parts = renderOa({ text: `${'a'.repeat(1500)}\n\n${'b'.repeat(1500)}`, buttons: options(1) });
    expect(parts).toHaveLength(2);
    expect(parts[0]!.attachment).toBeUndefined();
    expect(parts[1]).toMatchObject({
      text: 'b'.repeat(1500),
      attachment: { payload: { buttons: [{ payload: '#chon:opt:1' }] } },
    });
  });

  it('prefers the menu to the buttons when a message has both', () => {
    const [part] = renderOa({ text: 'x', menu: [{ id: 'm', label: 'M' }], buttons: [{ id: 'b', label: 'B' }] });
    expect(part!.attachment).toMatchObject({ payload: { buttons: [{ payload: '#chon:m' }] } });
  });

  it('cuts a title over 100 characters with an ellipsis, never halving an emoji', () => {
    const title = (label: string) =>
      (renderOa({ text: 'x', menu: [{ id: 'o', label }] })[0]!.attachment!.payload as { buttons: { title: string }[] })
        .buttons[0]!.title;
    expect(title(`${'a'.repeat(97)}🚨🚨`)).toBe(`${'a'.repeat(97)}🚨…`);
    expect(title(`${'a'.repeat(98)}🚨🚨`)).toBe(`${'a'.repeat(98)}…`);
    expect(title('c'.repeat(100))).toBe('c'.repeat(100));
  });

  it('refuses a payload over 1,000 characters rather than send one that presses nothing', () => {
    const longest = 1000 - PRESS_MARK.length;
    expect(() => renderOa({ text: 'x', menu: [{ id: 'i'.repeat(longest + 1), label: 'L' }] })).toThrow(/payload/);
    expect(() => renderOa({ text: 'x', menu: [{ id: 'i'.repeat(longest), label: 'L' }] })).not.toThrow();
  });

  it(`shows up to ${MAX_BUTTONS} buttons; more options become a numbered list with its hint, as on Zalo Bot`, () => {
    expect(renderOa({ text: 'x', menu: options(MAX_BUTTONS) })[0]!.attachment).toBeDefined();
    const menu = [...options(MAX_BUTTONS), { id: 'resolve', label: 'Resolve', n: 9 }];
    expect(renderOa({ text: 'Chọn:', menu, menuHint: 'Trả lời bằng số' })).toEqual([
      {
        text: 'Chọn:\n\n1. Option 1\n2. Option 2\n3. Option 3\n4. Option 4\n5. Option 5\n9. Resolve\n\nTrả lời bằng số',
      },
    ]);
  });

  it('sends a button message even when the text is empty', () => {
    const parts = renderOa({ text: '', buttons: options(1) });
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ text: '', attachment: { payload: { buttons: [{ payload: '#chon:opt:1' }] } } });
  });
});

describe('Zalo OA rendering: photos and files', () => {
  it('sends a photo by URL as the documented media template, captioned with a short text', () => {
    const photo = { url: 'https://example.com/bg_1.jpg' };
    expect(renderOa({ text: 'Zalo đạt 100 triệu người dùng', photo })).toEqual([
      request('api-send-cs-image-request.json').message,
    ]);
  });

  it('sends an uploaded photo by its attachment id; a file id without an upload is left out', () => {
    const photo = { fileId: 'telegram-file' };
    expect(renderOa({ text: 'Ảnh', photo }, { uploads: { photo: 'att-1' } })).toEqual([
      {
        text: 'Ảnh',
        attachment: {
          type: 'template',
          payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: 'att-1' }] },
        },
      },
    ]);
    expect(renderOa({ text: 'Ảnh', photo })).toEqual([{ text: 'Ảnh' }]);
  });

  it('keeps the text apart from the photo when it carries buttons or is split', () => {
    const photo = { url: 'https://example.com/p.jpg' };
    const withButtons = renderOa({ text: 'Chọn', photo, buttons: options(1) });
    expect(withButtons).toHaveLength(2);
    expect(withButtons[0]).not.toHaveProperty('text');
    expect(withButtons[1]).toMatchObject({
      text: 'Chọn',
      attachment: { payload: { buttons: [{ payload: '#chon:opt:1' }] } },
    });
    const long = renderOa({ text: `${'a'.repeat(1500)}\n\n${'b'.repeat(1500)}`, photo });
    expect(long.map((p) => p.text)).toEqual([undefined, 'a'.repeat(1500), 'b'.repeat(1500)]);
  });

  it('sends an uploaded document after the text as a file by its token', () => {
    const file = { kind: 'document' as const, filename: 'lich.ics', base64: 'QkVHSU4=' };
    expect(renderOa({ text: 'Lịch', file }, { uploads: { file: { token: 'tok-1' } } })).toEqual([
      { text: 'Lịch' },
      { attachment: { type: 'file', payload: { token: 'tok-1' } } },
    ]);
  });

  it('sends an uploaded image file (a QR code) as a media template; a file not uploaded is left out', () => {
    const file = { kind: 'photo' as const, filename: 'qr.png', base64: 'iVBO' };
    expect(renderOa({ text: 'QR', file }, { uploads: { file: { attachmentId: 'att-qr' } } })).toEqual([
      { text: 'QR' },
      {
        attachment: {
          type: 'template',
          payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: 'att-qr' }] },
        },
      },
    ]);
    expect(renderOa({ text: 'QR', file })).toEqual([{ text: 'QR' }]);
  });
});

describe('Zalo OA rendering: asking for contact details', () => {
  it('builds the request_user_info template with one element', () => {
    expect(
      renderRequestUserInfo({
        title: 'Công an xã',
        subtitle: 'Để lại số điện thoại?',
        imageUrl: 'https://example.com/logo.png',
      }),
    ).toEqual({
      attachment: {
        type: 'template',
        payload: {
          template_type: 'request_user_info',
          elements: [
            { title: 'Công an xã', subtitle: 'Để lại số điện thoại?', image_url: 'https://example.com/logo.png' },
          ],
        },
      },
    });
  });

  it('sends the form after the text when asked and an image is configured; without an image, the text alone', () => {
    const message = { text: 'Gõ số', requestContact: { title: 'Số điện thoại', subtitle: 'Gửi số của bạn' } };
    expect(renderOa(message, { contactFormImage: 'https://example.com/form.png' })).toEqual([
      { text: 'Gõ số' },
      renderRequestUserInfo({
        title: 'Số điện thoại',
        subtitle: 'Gửi số của bạn',
        imageUrl: 'https://example.com/form.png',
      }),
    ]);
    expect(renderOa(message)).toEqual([{ text: 'Gõ số' }]);
  });
});
