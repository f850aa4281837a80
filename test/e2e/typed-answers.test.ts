import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIdentity, startHarness, type Harness } from '../support/harness.ts';
import { areaCode } from '../support/staff.ts';
import { ZaloUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
beforeAll(async () => {
  h = await startHarness();
  hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
});
afterAll(async () => {
  await h?.close();
});

/** A Zalo resident who answers everything by typing, the way people do: no accents, short words, run-together names. */
async function typingResident(name: string, yes: string): Promise<ZaloUser> {
  const u = new ZaloUser(h, name);
  await u.send('Xin chào');
  await u.expect(/Chọn ngôn ngữ/);
  await u.send('1');
  await u.expect(/Trước khi bắt đầu/);
  await u.send(yes);
  await u.expect(/Sự đồng ý của bạn đã được ghi nhận/);
  await u.send('hungmy');
  const found = await u.expect(/kết quả/);
  await u.choose(found, /Xã Hưng Mỹ, Cà Mau/);
  await u.expect(/Hoàn tất!/);
  return u;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

describe('Zalo: typed answers are read against the question they answer', () => {
  it.each(['dong y', 'Đồng ý!', 'Ok'])('%j passes consent', async (yes) => {
    const u = await typingResident(`Người ${yes}`, yes);
    const identity = await findIdentity(h, 'zalo', u.id);
    expect(identity?.user.consentVersion).toBeTruthy();
  });

  it('"khong" at consent declines and stores nothing', async () => {
    const u = new ZaloUser(h, 'Người từ chối');
    const before = await h.db.user.count();
    await u.send('Xin chào');
    await u.expect(/Chọn ngôn ngữ/);
    await u.send('1');
    await u.expect(/Trước khi bắt đầu/);
    await u.send('khong');
    await u.expect(/Bot không lưu thông tin nào của bạn/);
    expect(await h.db.user.count()).toBe(before);
  });

  it('at the festival question a typo asks it again, and the next "1" answers it; "co" and "khong" answer it too', async () => {
    const f = await h.db.festival.create({
      data: {
        areaCode: hungMy,
        title: 'Ngày hội Đại đoàn kết ấp 3',
        venue: 'Nhà văn hoá ấp 3',
        startsAt: inDays(5),
        endsAt: inDays(5.2),
      },
    });
    const u = await typingResident('Trần Văn Gõ', 'dong y');
    const userId = (await findIdentity(h, 'zalo', u.id))!.user.id;
    await u.send('/festivals');
    await u.choose(await u.expect(/Ngày hội sắp diễn ra/), /Ngày hội Đại đoàn kết ấp 3/);
    const page = await u.expect(/Bạn có tham gia không\?/);
    expect(page.options.map((o) => o.label)[0]).toBe('✅ Tôi sẽ tham gia');

    // A typo: the same question with the same menu, not "did not understand" and the main menu.
    await u.send('cóo');
    const again = await u.expect(/Bạn có tham gia không\?/);
    expect(again.text).toContain('Vui lòng chọn một mục bên dưới.');
    expect(again.text).not.toContain('Bot chưa hiểu');
    expect(again.options.map((o) => o.label)).toEqual(page.options.map((o) => o.label));
    await u.send('1');
    await u.expect(/Đã ghi nhận: bạn sẽ tham gia "Ngày hội Đại đoàn kết ấp 3"/);
    expect(await h.db.rsvp.findUnique({ where: { festivalId_userId: { festivalId: f.id, userId } } })).toMatchObject({
      going: true,
    });
    expect(await h.db.tip.count({ where: { reporterId: userId } })).toBe(0);

    // Words people type answer it directly.
    await u.send('khong');
    await u.expect(/Đã ghi nhận: bạn không tham gia/);
    await u.send('co');
    await u.expect(/Đã ghi nhận: bạn sẽ tham gia/);
    expect(await h.db.rsvp.findUnique({ where: { festivalId_userId: { festivalId: f.id, userId } } })).toMatchObject({
      going: true,
    });
  });
});
