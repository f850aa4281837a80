import { defineChoices } from '../../core/choice.ts';
import type { ChatContext } from '../../core/context.ts';
import type { Feature } from '../../core/feature.ts';
import { registered, type PersonContext } from '../../core/guards.ts';
import { formatTime } from '../../core/format.ts';
import { PLATFORM_NAMES } from '../../core/messages.ts';
import { erasePerson } from '../../core/people.ts';
import { eraseWebHistory } from '../../platforms/web/store.ts';
import { getArea } from '../areas/search.ts';

/** What one may see and erase of one's own data. */
export const privacyChoice = defineChoices('privacy', { mydata: {}, deleteme: {}, erase: {}, keep: {} });

/** `/mydata`: everything stored about the person, decrypted only for their own eyes. */
async function showMyData(ctx: PersonContext): Promise<void> {
  const { user, grants } = ctx.person;
  const identities = await ctx.tx.identity.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });
  const area = user.areaCode ? await getArea(ctx.tx, user.areaCode) : null;
  const none = ctx.t('mydata-none');
  const accounts = identities
    .map((i) => {
      const name = i.displayNameEnc ? ctx.pii.decrypt(i.displayNameEnc) : none;
      return ctx.t('mydata-account', {
        platform: PLATFORM_NAMES[i.platform],
        name,
        blocked: i.blockedAt ? 'yes' : 'no',
      });
    })
    .join('\n');
  const notices = [
    user.noticeFestival && ctx.t('notice-festival'),
    user.noticeModels && ctx.t('notice-models'),
    user.noticeGeneral && ctx.t('notice-general'),
  ].filter(Boolean);
  ctx.reply(
    ctx.t('mydata', {
      accounts,
      language: ctx.t(`language-name-${user.locale}`),
      area: area ? `${area.name}, ${area.provinceName}` : none,
      consentAt: formatTime(ctx.locale, user.consentAt),
      consentVersion: user.consentVersion,
      broadcasts: user.optedOutAt
        ? ctx.t('mydata-stopped', { since: formatTime(ctx.locale, user.optedOutAt) })
        : ctx.t('mydata-receiving'),
      notices: notices.length ? notices.join(', ') : none,
      createdAt: formatTime(ctx.locale, user.createdAt),
      tips: await ctx.tx.tip.count({ where: { reporterId: user.id } }),
      models: await ctx.tx.membership.count({ where: { userId: user.id, status: { in: ['active', 'pending'] } } }),
      rsvps: await ctx.tx.rsvp.count({ where: { userId: user.id } }),
      roles: grants.length ? grants.map((g) => ctx.t(`role-${g.role}`)).join(', ') : none,
    }),
    {
      menu: [
        { id: privacyChoice.pack('deleteme'), label: ctx.t('settings-deleteme') },
        { id: 'home', label: ctx.t('nav-back') },
      ],
    },
  );
}

function confirmErase(ctx: ChatContext): void {
  ctx.reply(ctx.t('deleteme-confirm'), {
    menu: [
      { id: privacyChoice.pack('erase'), label: ctx.t('deleteme-yes') },
      { id: privacyChoice.pack('keep'), label: ctx.t('deleteme-no') },
    ],
  });
}

/** The chat no longer knows who this was: no person, no dialogue, no language. */
function forget(ctx: ChatContext): void {
  ctx.person = null;
  ctx.state = { data: {} };
}

async function erase(ctx: PersonContext): Promise<void> {
  await eraseWebHistory(ctx.tx, ctx.pii, ctx.person.user.id);
  await erasePerson(ctx.tx, ctx.person.user.id);
  forget(ctx);
  ctx.reply(ctx.t('deleteme-done'));
}

const privacyAction = privacyChoice.route<PersonContext>({
  mydata: showMyData,
  deleteme: confirmErase,
  erase,
  keep: (ctx) => ctx.showMainMenu(ctx.t('deleteme-cancelled')),
});

export const privacyFeature: Feature = {
  name: 'privacy',
  commands: {
    mydata: { run: registered(showMyData) },
    deleteme: { run: registered(confirmErase), asks: true },
  },
  actions: {
    [privacyChoice.action]: { run: registered(privacyAction) },
  },
};
