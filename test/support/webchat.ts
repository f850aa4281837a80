import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { watchedPage, type Watcher } from './console.ts';

/** The web chat as a person sees it: its own page (/chat), or the widget's frame on a commune's site. */
export type ChatPage = Page | Frame | FrameLocator;

/** A phone's browser of its own for the chat, every script error, dialog and refused load a problem unless expected. */
export async function browseChat(world: Watcher, expected?: RegExp): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await watchedPage(world, { expected });
  opened.page.setDefaultTimeout(10_000);
  return opened;
}

/** The latest bot message saying `text`. */
export const bot = (chat: ChatPage, text: RegExp) => chat.getByTestId('msg-bot').filter({ hasText: text }).last();

export async function say(chat: ChatPage, text: string) {
  await chat.getByRole('textbox').fill(text);
  await chat.getByRole('button', { name: 'Gửi', exact: true }).click();
}

/** Presses a button of the latest bot message saying `text`. */
export async function press(chat: ChatPage, text: RegExp, label: RegExp) {
  await bot(chat, text).getByRole('button', { name: label }).click();
}

/** From the start button to a resident of Xã Hưng Mỹ, Cà Mau, in Vietnamese. */
export async function onboardOnWeb(chat: ChatPage) {
  await chat.getByRole('button', { name: 'Bắt đầu' }).click();
  await press(chat, /Chọn ngôn ngữ/, /Tiếng Việt/);
  await press(chat, /Trước khi bắt đầu/, /Tôi đồng ý/);
  await bot(chat, /Bạn sống ở xã\/phường nào\?/).waitFor();
  await say(chat, 'hung my ca mau');
  await press(chat, /kết quả/, /Xã Hưng Mỹ, Cà Mau/);
  await bot(chat, /Hoàn tất!/).waitFor();
}
