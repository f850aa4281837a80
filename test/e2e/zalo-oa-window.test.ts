import { describe, expect, it } from 'vitest';
import { chatKeyOf } from '../../src/core/keys.ts';
import { identityHash } from '../../src/core/people.ts';
import type { OaSent } from '../fakes/zalo-oa.ts';
import { findIdentity, type Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { seedPerson, testPii } from '../support/people.ts';
import { makeStaff } from '../support/staff.ts';
import { until } from '../support/until.ts';
import { TelegramUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started));

const DAY = 86_400_000;
const textOf = (s: OaSent) => String(s.message.text ?? '');

/** A person following the OA, writing through its webhook and reading what reaches them at the fake OA. */
class OaCitizen {
  #seen = 0;
  constructor(readonly id: string) {}

  async say(text: string): Promise<void> {
    expect(await h.oa.post(`${h.url}/webhooks/zalo-oa`, h.oa.events.text(this.id, text))).toBe(200);
  }

  /** The next message after those read, once it arrives. */
  async next(): Promise<OaSent> {
    const sent = await until(async () => h.oa.sendsTo(this.id)[this.#seen], 8000);
    this.#seen++;
    return sent;
  }

  async expect(pattern: RegExp): Promise<OaSent> {
    const seen: string[] = [];
    for (;;) {
      const sent = await this.next().catch(() => {
        throw new Error(`no OA message matched ${pattern}; got:\n${seen.join('\n---\n') || '(nothing)'}`);
      });
      if (pattern.test(textOf(sent))) return sent;
      seen.push(textOf(sent));
    }
  }

  /** A button's payload comes back as the person's text; a longer menu is a numbered list, answered by number. */
  async choose(sent: OaSent, label: RegExp): Promise<void> {
    const button = sent.buttons.find((b) => label.test(b.title));
    const numbered = [...textOf(sent).matchAll(/^(\d+)\. (.+)$/gm)].find((m) => label.test(m[2]!));
    if (!button && !numbered) throw new Error(`no option ${label} in: ${textOf(sent)}`);
    await this.say(button ? String(button.payload) : numbered![1]!);
  }

  /** Every call the service made to send this person a message (sent or refused). */
  sendCalls() {
    return h.oa.callsTo('/v3.0/oa/message/cs').filter((c) => c.params.recipient?.user_id === this.id);
  }

  /** The service and the fake OA both last heard from this person `days` ago. */
  async silentFor(days: number, { serviceKnows = true } = {}): Promise<void> {
    h.oa.userInteracted(this.id, h.oa.now() - days * DAY);
    if (!serviceKnows) return;
    const platformIdHash = identityHash(testPii(), 'zalo_oa', this.id);
    await h.db.identity.updateMany({
      where: { platform: 'zalo_oa', platformIdHash },
      data: { lastInteractionAt: new Date(Date.now() - days * DAY) },
    });
  }
}

let next = 0;
/** A registered OA follower of Xã Hưng Mỹ (a 20-digit id, like Zalo's). */
async function oaCitizen(): Promise<OaCitizen> {
  const id = `${7_000_000_000_000_000_000n + BigInt(Date.now()) * 100n + BigInt(next++)}`;
  await seedPerson(h.db, { platform: 'zalo_oa', platformUserId: id, areaCode: hungMy });
  return new OaCitizen(id);
}

/** From /report to the code: a suspicious person, no place, no photos, anonymous. */
async function fileTip(u: OaCitizen): Promise<string> {
  await u.say('/report');
  await u.choose(await u.expect(/Bạn muốn báo về việc gì\?/), /Người, phương tiện khả nghi/);
  await u.expect(/Hãy mô tả sự việc/);
  await u.say('Có người lạ đứng quan sát cổng trường tiểu học Hưng Mỹ nhiều buổi liền.');
  await u.choose(await u.expect(/chọn Bỏ qua/), /Bỏ qua/);
  await u.choose(await u.expect(/Bạn có ảnh/), /Bỏ qua/);
  await u.choose(await u.expect(/gửi ẩn danh hay/), /Gửi ẩn danh/);
  await u.choose(await u.expect(/Kiểm tra lại tin báo/), /Gửi tin báo/);
  return /AN-[2-9A-Z]{6}/.exec(textOf(await u.expect(/Mã tin: AN-/)))![0];
}

/** The messages held for this person, oldest first. */
const heldFor = (u: OaCitizen) =>
  h.db.outboundMessage.findMany({
    where: { chatKey: chatKeyOf(testPii(), 'zalo_oa', u.id), status: 'held' },
    orderBy: { id: 'asc' },
  });

describe('Zalo OA: the last interaction of each person', () => {
  it('is the time of their last message, and a follow counts', async () => {
    const citizen = await oaCitizen();
    const lastInteraction = async () => (await findIdentity(h, 'zalo_oa', citizen.id))?.lastInteractionAt;
    expect(await lastInteraction()).toBeNull();
    await citizen.say('/help');
    await citizen.expect(/Các lệnh bạn có thể dùng/);
    expect(Date.now() - (await lastInteraction())!.getTime()).toBeLessThan(60_000);

    await citizen.silentFor(8);
    expect(await h.oa.post(`${h.url}/webhooks/zalo-oa`, h.oa.events.follow(citizen.id))).toBe(200);
    await until(async () => {
      const at = await lastInteraction();
      return at && Date.now() - at.getTime() < 60_000 ? at : undefined;
    });
  });
});

describe('Zalo OA: messages to a person outside the 7-day window wait for their next message', () => {
  it('a status update and a reply to a reporter silent for 8 days are held, the officer is told, and both arrive in order when the reporter writes', async () => {
    const officer = new TelegramUser(h, 'Lê', 'Văn Cửa Sổ');
    await makeStaff(h, officer, hungMy);
    const citizen = await oaCitizen();
    const code = await fileTip(citizen);
    const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
    await citizen.silentFor(8);
    const callsBefore = citizen.sendCalls().length;

    await officer.pressLabel(card, /Tiếp nhận/);
    const acked = await officer.expectEdit(
      card,
      new RegExp(`Tin ${code}: đã chuyển sang "Đã tiếp nhận"\\. Người báo tin đã lâu không nhắn bot`),
    );
    expect(acked.text).not.toMatch(/Người báo tin đã được thông báo/);
    await officer.pressLabel(acked, /Trả lời người báo/);
    await officer.expect(/Gõ nội dung trả lời/);
    await officer.send('Cảm ơn bạn. Người đó đi xe gì?');
    const kept = await officer.expect(new RegExp(`Đã lưu trả lời vào tin ${code}, nhưng chưa gửi được`));
    expect(kept.text).toMatch(/sẽ được gửi khi họ nhắn lại/);

    // Nothing was even tried: the service knew the window had passed.
    await until(async () => ((await heldFor(citizen)).length === 2 ? true : undefined));
    await new Promise((r) => setTimeout(r, 500));
    expect(citizen.sendCalls()).toHaveLength(callsBefore);

    // The reporter writes: what waited arrives first, in its order, then the answer to what they wrote.
    await citizen.say('/help');
    const [first, second, third] = [await citizen.next(), await citizen.next(), await citizen.next()];
    expect(textOf(first!)).toMatch(new RegExp(`Tin báo ${code} của bạn đã được Công an xã tiếp nhận`));
    expect(textOf(second!)).toMatch(
      new RegExp(`Cán bộ trả lời về tin báo ${code}:\n\nCảm ơn bạn. Người đó đi xe gì\\?`),
    );
    // Written while it could not be read, the reply is not answered by the reporter's next message.
    expect(textOf(second!)).toMatch(new RegExp(`gõ /status ${code}`));
    expect(textOf(third!)).toMatch(/Các lệnh bạn có thể dùng/);
    expect(await heldFor(citizen)).toEqual([]);
  });

  it('a message the OA refuses at send time (-230) is held with what follows it, and the officer is told', async () => {
    const officer = new TelegramUser(h, 'Trần', 'Văn Gửi Sau');
    await makeStaff(h, officer, hungMy);
    const citizen = await oaCitizen();
    const code = await fileTip(citizen);
    const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
    // The OA knows of no interaction in 8 days; the service still believes the window open.
    await citizen.silentFor(8, { serviceKnows: false });
    const callsBefore = citizen.sendCalls().length;

    // Answering a new tip acknowledges it: two messages; the OA refuses the first, the second waits behind it.
    await officer.pressLabel(card, /Trả lời người báo/);
    await officer.expect(/Gõ nội dung trả lời/);
    await officer.send('Bạn còn thấy người đó hôm nay không?');
    await officer.expect(new RegExp(`Tin ${code}: ứng dụng của người báo tin không nhận tin từ bot lúc này`));
    await until(async () => ((await heldFor(citizen)).length === 2 ? true : undefined));
    expect(
      citizen
        .sendCalls()
        .slice(callsBefore)
        .map((c) => c.error?.error),
    ).toEqual([-230]);

    // Now the service knows: the next status change says it waits, and nothing more is tried.
    await officer.send(`/tip ${code}`);
    const opened = await officer.expect(new RegExp(`📄 Tin báo ${code}`));
    await officer.pressLabel(opened, /Nhận xử lý/);
    await officer.expectEdit(
      opened,
      new RegExp(`Tin ${code}: đã chuyển sang "Đang xử lý"\\. Người báo tin đã lâu không nhắn bot`),
    );
    await until(async () => ((await heldFor(citizen)).length === 3 ? true : undefined));
    expect(citizen.sendCalls().slice(callsBefore)).toHaveLength(1);

    await citizen.say('/help');
    expect(textOf(await citizen.next())).toMatch(new RegExp(`Tin báo ${code} của bạn đã được Công an xã tiếp nhận`));
    expect(textOf(await citizen.next())).toMatch(/Bạn còn thấy người đó hôm nay không\?/);
    expect(textOf(await citizen.next())).toMatch(new RegExp(`Tin báo ${code} của bạn đang được cán bộ xử lý`));
    expect(textOf(await citizen.next())).toMatch(/Các lệnh bạn có thể dùng/);
  });
});
