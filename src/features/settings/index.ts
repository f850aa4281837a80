import type { ChatContext } from '../../core/context.ts';
import type { Feature } from '../../core/feature.ts';
import type { MenuOption } from '../../core/messages.ts';
import { askArea } from '../onboarding/area-flow.ts';
import { askLanguage } from '../onboarding/language.ts';

type NoticeField = 'noticeFestival' | 'noticeModels' | 'noticeGeneral';
const noticeKinds: Record<string, NoticeField> = {
  festival: 'noticeFestival',
  models: 'noticeModels',
  general: 'noticeGeneral',
};

function showSettings(ctx: ChatContext): void {
  ctx.reply(ctx.t('settings-title'), {
    menu: [
      { id: 'settings:language', label: ctx.t('settings-language') },
      { id: 'settings:area', label: ctx.t('settings-area') },
      { id: 'settings:notices', label: ctx.t('settings-notices') },
      { id: 'privacy:mydata', label: ctx.t('settings-mydata') },
      { id: 'privacy:deleteme', label: ctx.t('settings-deleteme') },
      { id: 'home', label: ctx.t('nav-back') },
    ],
  });
}

function showNotices(ctx: ChatContext, headline?: string): void {
  const user = ctx.person!.user;
  const mark = (on: boolean) => (on ? '✅' : '⬜');
  const menu: MenuOption[] = Object.entries(noticeKinds).map(([kind, field]) => ({
    id: `notice:${kind}`,
    label: `${mark(user[field])} ${ctx.t(`notice-${kind}`)}`,
  }));
  menu.push(
    user.optedOutAt
      ? { id: 'notice:resume', label: ctx.t('notice-resume') }
      : { id: 'notice:stop', label: ctx.t('notice-stop') },
    { id: 'settings', label: ctx.t('nav-back') },
  );
  const status = ctx.t(user.optedOutAt ? 'notices-status-stopped' : 'notices-status-on');
  ctx.reply([headline, status, ctx.t('notices-title')].filter(Boolean).join('\n\n'), { menu });
}

async function setOptOut(ctx: ChatContext, stopped: boolean): Promise<void> {
  ctx.person!.user = await ctx.tx.user.update({
    where: { id: ctx.person!.user.id },
    data: { optedOutAt: stopped ? new Date() : null },
  });
}

async function notice(ctx: ChatContext, arg: string): Promise<void> {
  if (arg === 'stop' || arg === 'resume') {
    await setOptOut(ctx, arg === 'stop');
    return showNotices(ctx, ctx.t(arg === 'stop' ? 'stop-done' : 'resume-done'));
  }
  const field = noticeKinds[arg];
  if (!field) return showNotices(ctx);
  const user = ctx.person!.user;
  ctx.person!.user = await ctx.tx.user.update({ where: { id: user.id }, data: { [field]: !user[field] } });
  showNotices(ctx);
}

async function settings(ctx: ChatContext, arg: string): Promise<void> {
  switch (arg) {
    case 'language':
      return askLanguage(ctx);
    case 'area':
      return askArea(ctx, 'settings');
    case 'notices':
      return showNotices(ctx);
    default:
      return showSettings(ctx);
  }
}

export const settingsFeature: Feature = {
  name: 'settings',
  commands: {
    settings: { run: async (ctx) => showSettings(ctx) },
    stop: {
      run: async (ctx) => {
        await setOptOut(ctx, true);
        ctx.showMainMenu(ctx.t('stop-done'));
      },
    },
  },
  actions: {
    settings: { run: settings },
    notice: { run: notice },
    home: { run: async (ctx) => ctx.showMainMenu() },
  },
  mainMenu: (ctx) => [{ id: 'settings', label: ctx.t('menu-settings') }],
};
