import type { StaffGrant, StaffRole } from '../generated/prisma/client.ts';
import type { ChatContext } from './context.ts';
import type { Person } from './people.ts';

/** A context whose person is registered: handlers behind `registered` never check `ctx.person`. */
export type PersonContext = ChatContext & { person: Person };

/** A context of staff holding one of the route's roles; `grants` are those grants only. */
export type StaffContext = PersonContext & { readonly staffGrants: readonly [StaffGrant, ...StaffGrant[]] };

export const isRegistered = (ctx: ChatContext): ctx is PersonContext => ctx.person !== null;

/** The person's grants of these roles (empty when they hold none). */
export const grantsOf = (ctx: ChatContext, roles: readonly StaffRole[]): StaffGrant[] =>
  (ctx.person?.grants ?? []).filter((g) => roles.includes(g.role));

export function isStaff(ctx: ChatContext, roles: readonly StaffRole[]): ctx is StaffContext {
  const held = grantsOf(ctx, roles);
  if (!isRegistered(ctx) || !held.length) return false;
  Object.defineProperty(ctx, 'staffGrants', { value: held, configurable: true });
  return true;
}

type Run<C, A extends unknown[]> = (ctx: C, ...args: A) => Promise<void> | void;

/** A route for registered people (the router sends everyone else to onboarding first). */
export function registered<A extends unknown[]>(run: Run<PersonContext, A>) {
  return async (ctx: ChatContext, ...args: A): Promise<void> => {
    if (!isRegistered(ctx)) return ctx.showMainMenu(ctx.t('not-understood'));
    await run(ctx, ...args);
  };
}

/** A route for staff of the given roles; anyone else is told it is for staff only. */
export function staff<A extends unknown[]>(roles: readonly StaffRole[], run: Run<StaffContext, A>) {
  return async (ctx: ChatContext, ...args: A): Promise<void> => {
    if (!isStaff(ctx, roles)) return ctx.showMainMenu(ctx.t('staff-only'));
    await run(ctx, ...args);
  };
}

/** Who may be in a dialogue: checked on every answer (a role revoked mid-dialogue ends it). */
export interface Access<C extends ChatContext> {
  allows(ctx: ChatContext): ctx is C;
  refuse(ctx: ChatContext): void;
}

export const anyone: Access<ChatContext> = { allows: (_ctx): _ctx is ChatContext => true, refuse: () => undefined };

export const people: Access<PersonContext> = {
  allows: isRegistered,
  refuse: (ctx) => ctx.showMainMenu(ctx.t('not-understood')),
};

export const staffOf = (roles: readonly StaffRole[]): Access<StaffContext> => ({
  allows: (ctx): ctx is StaffContext => isStaff(ctx, roles),
  refuse: (ctx) => ctx.showMainMenu(ctx.t('staff-only')),
});
