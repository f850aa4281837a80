import { describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/core/scope.ts';
import { createModel, inviteLeader } from '../../src/features/models/actions.ts';
import { revoke } from '../../src/features/staff/actions.ts';
import { findIdentity, type Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { onboard } from '../support/onboard.ts';
import { chooseLabel, invite } from '../support/staff.ts';
import { runUseCase } from '../support/use-cases.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started));

type Command = { command: string; description: string };
/** The command menus Telegram was given: everyone's (no scope), or one chat's. */
const menus = () =>
  h.tg.callsTo('setMyCommands').map((c) => ({
    scope: c.params.scope as { type: string; chat_id?: string } | undefined,
    language: c.params.language_code as string | undefined,
    names: (c.params.commands as Command[]).map((x) => x.command),
    commands: c.params.commands as Command[],
  }));
const menuOf = (u: TelegramUser) =>
  menus().filter((m) => m.scope?.type === 'chat' && String(m.scope.chat_id) === u.chatId);

const STAFF_ONLY = ['inbox', 'tip', 'station', 'apitoken', 'web', 'broadcast', 'festival', 'models'];

async function leaderInviteCode(name: string): Promise<string> {
  const { result: made } = await runUseCase(h.db, (s) =>
    createModel(s, OPERATOR, { areaCode: hungMy, name, kind: 'camera', joinPolicy: 'approval' }),
  );
  if (!made.ok) throw new Error('no model');
  const { result: invited } = await runUseCase(h.db, (s) => inviteLeader(s, OPERATOR, made.model.id));
  if (!invited.ok) throw new Error('no invite');
  return invited.code;
}

describe('Telegram command menus fit the person', () => {
  it('everyone’s menu (Vietnamese and English) holds the citizen commands only', () => {
    const everyone = menus().filter((m) => !m.scope);
    expect(everyone.map((m) => m.language)).toEqual([undefined, 'en']);
    for (const m of everyone) {
      expect(m.names).toEqual(expect.arrayContaining(['start', 'report', 'status', 'festivals', 'groups', 'staff']));
      expect(m.names.filter((n) => STAFF_ONLY.includes(n))).toEqual([]);
    }
  });

  it('an officer who redeems /staff gets a menu of their own with the officer commands, in their language', async () => {
    const officer = new TelegramUser(h, 'Lê', 'Văn Công An');
    await onboard(officer);
    expect(menuOf(officer)).toEqual([]);
    await officer.send(`/staff ${await invite(h, 'officer', hungMy)}`);
    const welcome = await chooseLabel(officer, 'Đại uý Trần Văn Tâm');
    expect(welcome.text).toMatch(/Chào mừng! Bạn đã được cấp quyền Cán bộ Công an tại Xã Hưng Mỹ, Cà Mau/);
    expect(welcome.text).toContain('gõ /inbox để xem hộp tin báo');
    const [menu, ...more] = menuOf(officer);
    expect(more).toEqual([]);
    expect(menu!.language).toBeUndefined();
    expect(menu!.names).toEqual(expect.arrayContaining(['report', 'inbox', 'tip', 'broadcast', 'festival', 'models']));
    expect(menu!.commands).toContainEqual({ command: 'inbox', description: 'Hộp tin báo (cán bộ)' });
    // Nobody else's menu changed.
    expect(menus().filter((m) => !m.scope)).toHaveLength(2);

    // Switching to English describes their own menu in English.
    await officer.send('/language');
    await officer.pressLabel(await officer.expect(/Chọn ngôn ngữ/), /English/);
    await officer.expect(/Switched to English/);
    expect(menuOf(officer).at(-1)!.commands).toContainEqual({ command: 'inbox', description: 'Tip inbox (staff)' });
  });

  it('a role taken away leaves the menu of the roles still held, and everyone’s once none is left', async () => {
    const person = new TelegramUser(h, 'Phan', 'Văn Chuyển Công Tác');
    await onboard(person);
    await person.send(`/staff ${await invite(h, 'officer', hungMy)}`);
    await chooseLabel(person, 'Thiếu uý Phan Văn Chuyển');
    await person.send(`/staff ${await invite(h, 'leader', hungMy)}`);
    await person.expect(/Chào mừng! Bạn đã được cấp quyền Trưởng mô hình/);
    expect(menuOf(person).at(-1)!.names).toEqual(expect.arrayContaining(['inbox', 'models']));
    const { userId } = (await findIdentity(h, 'telegram', person.chatId))!;
    const grantOf = async (role: 'officer' | 'leader') =>
      (await h.db.staffGrant.findFirstOrThrow({ where: { userId, role } })).id;

    await runUseCase(h.db, async (s) => revoke(s, OPERATOR, await grantOf('officer')));
    await person.expect(/Vai trò Cán bộ Công an của bạn tại Xã Hưng Mỹ.* đã kết thúc/, 10_000);
    const leaderMenu = menuOf(person).at(-1)!;
    expect(leaderMenu.names).toContain('models');
    expect(leaderMenu.names).not.toContain('inbox');

    await runUseCase(h.db, async (s) => revoke(s, OPERATOR, await grantOf('leader')));
    await person.expect(/Vai trò Trưởng mô hình của bạn .* đã kết thúc/, 10_000);
    // Their own menu is gone: everyone's shows again.
    const dropped = h.tg
      .callsTo('deleteMyCommands')
      .filter((c) => String((c.params.scope as { chat_id?: string } | undefined)?.chat_id) === person.chatId);
    expect(dropped).toHaveLength(1);
  });

  it('a model leader’s welcome says what a leader does, and their menu has /models but not /inbox', async () => {
    const leader = new TelegramUser(h, 'Trần', 'Văn Trưởng');
    await onboard(leader);
    await leader.send(`/staff ${await leaderInviteCode('Camera an ninh ấp 5')}`);
    const welcome = await leader.expect(/Chào mừng! Bạn đã được cấp quyền Trưởng mô hình "Camera an ninh ấp 5"/);
    expect(welcome.text).toContain('Bạn duyệt người xin tham gia, gửi thông báo tới thành viên');
    expect(welcome.text).toContain('mã tham gia, đường dẫn và mã QR của mô hình'); // Telegram gets the QR image
    expect(welcome.text).not.toMatch(/inbox|Tin báo mới/);
    await leader.expect(/mã tham gia: MH-/);
    const [menu] = menuOf(leader);
    expect(menu!.names).toEqual(expect.arrayContaining(['models', 'apitoken', 'report']));
    expect(menu!.names).not.toContain('inbox');
    expect(menu!.names).not.toContain('festival');
  });

  it('an admin is told of tips that reached nobody; a leader without a model is told how one comes', async () => {
    const admin = new TelegramUser(h, 'Phạm', 'Quản Trị');
    await onboard(admin);
    await admin.send(`/staff ${await invite(h, 'admin', hungMy)}`);
    const welcome = await chooseLabel(admin, 'Đại uý Trần Văn Tâm');
    expect(welcome.text).toMatch(/Chào mừng! Bạn đã được cấp quyền Quản trị tại Xã Hưng Mỹ/);
    expect(welcome.text).toContain('chưa đến được cán bộ nào');
    expect(menuOf(admin)[0]!.names).toContain('inbox');

    const leader = new TelegramUser(h, 'Võ', 'Thị Tổ Trưởng');
    await onboard(leader);
    await leader.send(`/staff ${await invite(h, 'leader', hungMy)}`);
    const plain = await leader.expect(/Chào mừng! Bạn đã được cấp quyền Trưởng mô hình tại Xã Hưng Mỹ/);
    expect(plain.text).toContain('Khi được giao một mô hình tự quản');
    expect(plain.text).not.toMatch(/inbox|Tin báo mới/);
  });

  it('a menu Telegram refuses does not hold back the welcome; a passing failure retries both', async () => {
    const refused = new TelegramUser(h, 'Bùi', 'Văn Từ Chối');
    await onboard(refused);
    h.tg.failNext('setMyCommands', { error_code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' });
    await refused.send(`/staff ${await invite(h, 'officer', hungMy)}`);
    await chooseLabel(refused, 'Đại uý Trần Văn Tâm');

    const retried = new TelegramUser(h, 'Bùi', 'Văn Thử Lại');
    await onboard(retried);
    h.tg.failNext('setMyCommands', { error_code: 502, description: 'Bad Gateway' });
    await retried.send(`/staff ${await invite(h, 'officer', hungMy)}`);
    await chooseLabel(retried, 'Đại uý Trần Văn Tâm');
    const calls = h.tg
      .callsTo('setMyCommands')
      .filter((c) => String((c.params.scope as { chat_id?: string } | undefined)?.chat_id) === retried.chatId);
    expect(calls.map((c) => Boolean(c.error))).toEqual([true, false]);
    expect(retried.all().filter((m) => /Chào mừng!/.test(m.text))).toHaveLength(1);
  });

  it('Zalo has no command menu: redeeming there sets none', async () => {
    const before = menus().length;
    const officer = new ZaloUser(h, 'Đỗ Văn Zalo');
    await onboard(officer);
    await officer.send(`/staff ${await invite(h, 'officer', hungMy)}`);
    await chooseLabel(officer, 'Đại uý Trần Văn Tâm');
    expect(menus()).toHaveLength(before);
  });
});
