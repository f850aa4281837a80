import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../fakes/telegram.ts';
import { onboard } from '../support/onboard.ts';
import { startProcessHarness, type ProcessHarness } from '../support/process-harness.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser, type BotMessage } from '../support/users.ts';

// The service runs as its own process with debug logs, so its whole output can be searched too.
let h: ProcessHarness;
let hungMy: string;
let baDinh: string;
const GROUP = -1001234567890;

let officer: TelegramUser;
let zaloOfficer: ZaloUser;
let otherOfficer: TelegramUser;
let tgCitizen: TelegramUser;
let zaloCitizen: ZaloUser;
let bystander: TelegramUser;
const codes: string[] = [];

beforeAll(async () => {
  h = await startProcessHarness({ LOG_LEVEL: 'debug' });
  await h.start();
  hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
  baDinh = await areaCode(h, 'Phường Ba Đình', 'Hà Nội');
  officer = new TelegramUser(h, 'Lê', 'Văn Cán Bộ');
  zaloOfficer = new ZaloUser(h, 'Cán bộ trên Zalo');
  otherOfficer = new TelegramUser(h, 'Trịnh', 'Văn Ba Đình');
  tgCitizen = new TelegramUser(h, 'Hoàng', 'Bí Mật', 'secret_handle_xq7');
  zaloCitizen = new ZaloUser(h, 'Đinh Thị Kín Đáo');
  bystander = new TelegramUser(h, 'Người', 'Ngoài Cuộc');
  await Promise.all([
    makeStaff(h, officer, hungMy),
    makeStaff(h, zaloOfficer, hungMy),
    makeStaff(h, otherOfficer, baDinh),
    onboard(tgCitizen),
    onboard(zaloCitizen),
    onboard(bystander),
  ]);
  await officer.sendInGroup(GROUP, '/station');
  const ask = await h.tg.waitFor(() => h.tg.messagesTo(GROUP).find((c) => /thành viên/.test(String(c.params.text))));
  const markup =
    typeof ask.params.reply_markup === 'string' ? JSON.parse(ask.params.reply_markup) : ask.params.reply_markup;
  const options = markup.inline_keyboard
    .flat()
    .map((b: { text: string; callback_data: string }) => ({ label: b.text, data: b.callback_data }));
  await officer.pressInGroup(GROUP, { text: '', options, raw: ask }, /Liên kết/);
  await h.tg.waitFor(() => h.tg.textsTo(GROUP).find((t) => /Đã liên kết nhóm này với Xã Hưng Mỹ/.test(t)));
}, 60_000);

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail' && h.proc) console.log(h.proc.output().slice(-5000));
});
afterAll(() => h?.close());

const REFUSED = 'Chỉ cán bộ công an của khu vực mới thao tác được tin báo này.';
const codeIn = (msg: BotMessage) => /AN-[2-9A-Z]{6}/.exec(msg.text)![0];

async function fileTip(u: TelegramUser | ZaloUser, text: string, phone?: string): Promise<string> {
  const choose = (m: BotMessage, label: RegExp) =>
    u instanceof TelegramUser ? u.pressLabel(m, label) : u.choose(m, label);
  await u.send('/report');
  await choose(await u.expect(/Bạn muốn báo về việc gì\?/), /Ma tuý/);
  await u.expect(/Hãy mô tả sự việc/);
  await u.send(text);
  await choose(await u.expect(/chọn Bỏ qua/), /Bỏ qua/);
  await choose(await u.expect(/Bạn có ảnh/), /Bỏ qua/);
  const identity = await u.expect(/gửi ẩn danh hay để lại số điện thoại/);
  if (phone) {
    await choose(identity, /Để lại số điện thoại/);
    await u.expect(/Gõ số điện thoại của bạn/);
    await u.send(phone);
  } else {
    await choose(identity, /Gửi ẩn danh/);
  }
  await choose(await u.expect(/Kiểm tra lại tin báo/), /Gửi tin báo/);
  return codeIn(await u.expect(/Mã tin: AN-/));
}

describe('the tipster stays unknown to officers', () => {
  it('no officer-facing message, in private or in the station group, and no log line holds their id, name or username', async () => {
    codes.push(
      await fileTip(
        tgCitizen,
        'Nhà số 12 ấp 2 thường có người lạ ra vào ban đêm, nghi buôn bán ma tuý.',
        '0912 345 678',
      ),
    );
    codes.push(await fileTip(zaloCitizen, 'Có nhóm thanh niên tụ tập hút chất lạ ở bãi đất trống cạnh đình.'));
    const [tgCode, zaloCode] = codes as [string, string];

    const card = await officer.expect(new RegExp(`Tin báo mới ${tgCode}`));
    expect(card.text).toMatch(/Người báo đồng ý để lại số điện thoại: 0912345678/);
    await officer.expect(new RegExp(`Tin báo mới ${zaloCode}`));
    await zaloOfficer.expect(new RegExp(`Tin báo mới ${zaloCode}`));
    const groupCard = await h.tg.waitFor(() =>
      h.tg.messagesTo(GROUP).find((c) => String(c.params.text).includes(zaloCode)),
    );
    expect(String(groupCard.params.text)).toMatch(/Người báo: ẩn danh/);

    // The officer works both tips: inbox, open, reply; the reporters answer.
    await officer.send('/inbox');
    const inbox = await officer.expect(/Hộp tin báo: 2 tin đang mở/);
    await officer.pressLabel(inbox, new RegExp(tgCode));
    await officer.pressLabel(await officer.expect(/Diễn biến:/), /Trả lời người báo/);
    await officer.send('Cảm ơn anh/chị, chúng tôi sẽ xác minh.');
    await tgCitizen.expect(/Cán bộ trả lời về tin báo/);
    await tgCitizen.send('Tôi thấy họ đi xe biển 69C1-888.88.');
    await officer.expect(new RegExp(`Người báo tin ${tgCode} nhắn`));
    await zaloOfficer.send(`/tip ${zaloCode}`);
    await zaloOfficer.choose(await zaloOfficer.expect(/Diễn biến:/), /Trả lời người báo/);
    await zaloOfficer.send('Anh/chị có nhìn thấy họ vào giờ nào không?');
    await zaloCitizen.expect(/Cán bộ trả lời về tin báo/);
    await zaloCitizen.send('Khoảng 22 giờ đêm qua.');
    await zaloOfficer.expect(new RegExp(`Người báo tin ${zaloCode} nhắn`));
    await officer.send(`/tip ${zaloCode}`);
    await officer.expect(/Trao đổi:/);

    // The staff API: a personal token from the chat, then the list and each tip.
    const api = async (u: TelegramUser, path: string) => {
      await u.send('/apitoken');
      const token = /antq_[A-Za-z0-9_-]+/.exec((await u.expect(/Mã truy cập API của bạn/)).text)![0];
      const res = await fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: await res.text() };
    };
    const list = await api(officer, '/api/tips');
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body).tips.map((t: { code: string }) => t.code)).toEqual(expect.arrayContaining(codes));
    const detail = await api(officer, `/api/tips/${tgCode}`);
    expect(detail.status).toBe(200);
    expect(JSON.parse(detail.body)).toMatchObject({
      code: tgCode,
      status: 'acknowledged',
      contact: '0912345678',
      thread: [
        { from: 'officer', text: 'Cảm ơn anh/chị, chúng tôi sẽ xác minh.' },
        { from: 'citizen', text: 'Tôi thấy họ đi xe biển 69C1-888.88.' },
      ],
    });
    const apiBodies = [list.body, detail.body, (await api(officer, `/api/tips/${zaloCode}`)).body];

    const secrets = [
      String(tgCitizen.id),
      tgCitizen.firstName,
      tgCitizen.lastName,
      tgCitizen.username,
      zaloCitizen.id,
      zaloCitizen.displayName,
    ];
    const toOfficers: RecordedCall[] = [
      ...h.tg.messagesTo(officer.id),
      ...h.tg.messagesTo(otherOfficer.id),
      ...h.tg.messagesTo(GROUP),
      ...h.zalo.messagesTo(zaloOfficer.id),
    ];
    expect(toOfficers.length).toBeGreaterThan(15);
    const officerScreens = JSON.stringify(toOfficers.map((c) => c.params)) + apiBodies.join('\n');
    for (const secret of secrets) expect(officerScreens).not.toContain(secret);
    // Debug logs of the whole run: no tipster id, name or username either.
    const logs = h.proc!.output();
    expect(logs.match(/update handled/g)?.length).toBeGreaterThan(50);
    for (const secret of secrets) expect(logs).not.toContain(secret);
    // Nor in the database in clear.
    const dump = JSON.stringify(
      await h.db.$queryRawUnsafe(`SELECT row_to_json(t)::text AS row FROM (SELECT * FROM "Tip") t
                                  UNION ALL SELECT row_to_json(m)::text FROM (SELECT * FROM "TipMessage") m
                                  UNION ALL SELECT row_to_json(a)::text FROM (SELECT * FROM "AuditLog") a`),
    );
    for (const secret of secrets) expect(dump).not.toContain(secret);
  });
});

describe('only officers of the tip area see or change it', () => {
  it('an officer of another commune is refused by command, inbox and forged button', async () => {
    const [tgCode] = codes as [string];
    await otherOfficer.send('/inbox');
    await otherOfficer.expect(/Hộp tin báo trống/);
    await otherOfficer.send(`/tip ${tgCode}`);
    await otherOfficer.expect(/Không tìm thấy tin báo này, hoặc bạn không có quyền xem\./);
    // A press is answered to the presser alone, the same way whatever the tip.
    for (const verb of ['open', 'ack', 'take', 'resolve', 'reject', 'duplicate', 'spam', 'reply']) {
      const refused = await otherOfficer.pressAnswer(await otherOfficer.press(`tip:${verb}:${tgCode}`));
      expect(refused).toEqual({ alert: true, text: REFUSED });
    }
    expect(JSON.stringify(h.tg.messagesTo(otherOfficer.id).map((c) => c.params))).not.toContain('Nhà số 12');
    // Nor through the API with their own token; without a token there is no API at all.
    await otherOfficer.send('/apitoken');
    const token = /antq_[A-Za-z0-9_-]+/.exec((await otherOfficer.expect(/Mã truy cập API/)).text)![0];
    const auth = { headers: { authorization: `Bearer ${token}` } };
    expect((await fetch(`${h.url}/api/tips/${tgCode}`, auth)).status).toBe(404);
    expect(await (await fetch(`${h.url}/api/tips?status=acknowledged`, auth)).json()).toMatchObject({
      total: 0,
      tips: [],
    });
    expect((await fetch(`${h.url}/api/tips?status=bogus`, auth)).status).toBe(400);
    expect((await fetch(`${h.url}/api/tips`)).status).toBe(401);
    expect((await fetch(`${h.url}/api/tips`, { headers: { authorization: 'Bearer antq_forged' } })).status).toBe(401);
    const tip = await h.db.tip.findUniqueOrThrow({ where: { code: tgCode }, include: { events: true } });
    expect(tip.status).toBe('acknowledged');
    expect(tip.events.map((e) => e.status)).toEqual(['new', 'acknowledged']);
  });

  it('a citizen, even the reporter, cannot act as an officer; another citizen cannot read the tip', async () => {
    const [tgCode, zaloCode] = codes as [string, string];
    for (const u of [bystander, tgCitizen]) {
      await u.send(`/tip ${tgCode}`);
      await u.expect(/Không tìm thấy tin báo này/);
      expect(await u.pressAnswer(await u.press(`tip:resolve:${tgCode}`))).toEqual({ alert: true, text: REFUSED });
      await u.send('/inbox');
      await u.expect(/Chức năng này chỉ dành cho cán bộ/);
      await u.send('/apitoken');
      await u.expect(/Chức năng này chỉ dành cho cán bộ/);
    }
    await bystander.send(`/status ${tgCode}`);
    await bystander.expect(/Không tìm thấy tin báo này/);
    await bystander.press(`mytip:add:${zaloCode}`);
    await bystander.expect(/Không tìm thấy tin báo này/);
    // Forged callback data of every shape is refused the same way.
    for (const data of [
      'tip:resolve:AN-ZZZZZZ',
      'tip:resolve:',
      'tip:',
      'tip:resolve:AN-1234567',
      `tip:delete:${tgCode}`,
    ]) {
      expect(await officer.pressAnswer(await officer.press(data))).toEqual({ alert: true, text: REFUSED });
    }
    // A non-officer member of the station group cannot press the card's buttons: they alone are told, and the
    // card keeps its buttons for the officers.
    const groupCard = h.tg.messagesTo(GROUP).find((c) => String(c.params.text).includes(zaloCode))!;
    const markup = groupCard.params.reply_markup;
    const buttons = (typeof markup === 'string' ? JSON.parse(markup) : markup).inline_keyboard.flat();
    const card: BotMessage = {
      text: '',
      options: buttons.map((b: { text: string; callback_data: string }) => ({ label: b.text, data: b.callback_data })),
      raw: groupCard,
    };
    const inGroup = h.tg.messagesTo(GROUP).length;
    const pressed = await bystander.pressInGroup(GROUP, card, /Đã xử lý xong/);
    expect(await bystander.pressAnswer(pressed)).toEqual({ alert: true, text: REFUSED });
    expect((await h.db.tip.findUniqueOrThrow({ where: { code: zaloCode } })).status).toBe('acknowledged');
    // The officer can, from the group, after confirming: the card changes in place, into the question and back.
    await officer.pressInGroup(GROUP, card, /Đã xử lý xong/);
    const ask = await officer.expectEdit(card, new RegExp(`Đóng tin báo ${zaloCode}`));
    await officer.pressInGroup(GROUP, ask, /Xác nhận/);
    await officer.expectEdit(card, new RegExp(`Tin ${zaloCode}: đã chuyển sang "Đã xử lý xong"`));
    expect(h.tg.messagesTo(GROUP)).toHaveLength(inGroup);
    await zaloCitizen.expect(new RegExp(`Tin báo ${zaloCode} của bạn đã được xử lý xong`));
    const actions = await h.db.auditLog.findMany({
      where: { entityId: (await h.db.tip.findUniqueOrThrow({ where: { code: zaloCode } })).id },
    });
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['tip.view', 'tip.reply', 'tip.status']));
  });
});
