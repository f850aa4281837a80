import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR, personActor } from '../../src/core/scope.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import {
  createSignInLink,
  csrfMatches,
  endSession,
  redeemSignInLink,
  sessionOf,
} from '../../src/features/console/sessions.ts';
import { revoke } from '../../src/features/staff/actions.ts';
import type { TestDatabase } from '../support/database.ts';
import { ownDatabase } from '../support/harness.ts';
import { seedPerson, testPii } from '../support/people.ts';
import { areaCode } from '../support/staff.ts';
import { runUseCase } from '../support/use-cases.ts';

const pii = testPii();
let database: TestDatabase;
let db: Db;
let hungMy: string;
beforeAll(async () => {
  database = await ownDatabase();
  db = createDb(database.url);
  hungMy = await areaCode({ db }, 'Xã Hưng Mỹ', 'Cà Mau');
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const officer = () => seedPerson(db, { areaCode: hungMy, roles: [{ role: 'officer', areaCode: hungMy }] });
const linkFor = (actor: Parameters<typeof createSignInLink>[3]) =>
  db.$transaction((tx) => createSignInLink(tx, pii, actor, actor));
const redeem = (token: string) => db.$transaction((tx) => redeemSignInLink(tx, pii, token));

describe('console sign-in use cases', () => {
  it('a session acts as exactly the chat actor: the same person, grants and areas', async () => {
    const person = await officer();
    const opened = await redeem(await linkFor(personActor(person)));
    if (!opened.ok) throw new Error(opened.reason);
    const session = await sessionOf(db, pii, opened.sessionToken);
    expect(session?.actor).toEqual(
      personActor({ user: person.user, identity: person.identity, grants: person.grants }),
    );
    expect(csrfMatches(session!, session!.csrfToken)).toBe(true);
    expect(csrfMatches(session!, undefined)).toBe(false);
    expect(csrfMatches(session!, `${session!.csrfToken.slice(0, -1)}x`)).toBe(false);
  });

  it('two browsers opening one link at once: one session, the other refused as used', async () => {
    const token = await linkFor(personActor(await officer()));
    const results = await Promise.all([redeem(token), redeem(token)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'used' });
  });

  it('a link whose person lost their role meanwhile starts no session', async () => {
    const person = await officer();
    const token = await linkFor(personActor(person));
    await runUseCase(db, (s) => revoke(s, OPERATOR, person.grants[0]!.id));
    expect(await redeem(token)).toEqual({ ok: false, reason: 'not-staff' });
  });

  it('logout ends only that session, audited; the operator signs in with no user', async () => {
    const person = await officer();
    const first = await redeem(await linkFor(personActor(person)));
    const second = await redeem(await linkFor(personActor(person)));
    if (!first.ok || !second.ok) throw new Error('not signed in');
    const session = (await sessionOf(db, pii, first.sessionToken))!;
    await db.$transaction((tx) => endSession(tx, session));
    expect(await sessionOf(db, pii, first.sessionToken)).toBeNull();
    expect(await sessionOf(db, pii, second.sessionToken)).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: 'console.logout', entityId: session.id } })).toBe(1);

    const operator = await redeem(await linkFor(OPERATOR));
    if (!operator.ok) throw new Error(operator.reason);
    expect((await sessionOf(db, pii, operator.sessionToken))?.actor).toEqual(OPERATOR);
  });
});

describe('console rows of no more use', () => {
  it('links expired a day ago and idle sessions go when a new link is made; a just-expired link still says so', async () => {
    const person = await officer();
    const old = await linkFor(personActor(person));
    const recent = await linkFor(personActor(person));
    const opened = await redeem(await linkFor(personActor(person)));
    if (!opened.ok) throw new Error(opened.reason);
    const hash = (token: string) => pii.hash('console-link', token);
    await db.consoleLink.update({
      where: { tokenHash: hash(old) },
      data: { expiresAt: new Date(Date.now() - 86_400_001) },
    });
    await db.consoleLink.update({
      where: { tokenHash: hash(recent) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await db.consoleSession.updateMany({ where: { userId: person.user.id }, data: { lastSeenAt: new Date(0) } });
    await linkFor(OPERATOR);
    expect(await db.consoleLink.count({ where: { tokenHash: hash(old) } })).toBe(0);
    expect(await redeem(recent)).toEqual({ ok: false, reason: 'expired' });
    expect(await db.consoleSession.count({ where: { userId: person.user.id } })).toBe(0);
  });
});
