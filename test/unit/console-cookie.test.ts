import { describe, expect, it } from 'vitest';
import {
  clearedSessionCookie,
  cookieOptions,
  sessionCookie,
  sessionCookieValue,
} from '../../src/http/console/cookie.ts';

describe('console session cookie', () => {
  it('is HttpOnly, SameSite=Lax and for /console only; not Secure for an http address', () => {
    expect(sessionCookie('abc', cookieOptions('http://127.0.0.1:3000'))).toBe(
      'antq_console=abc; Path=/console; HttpOnly; SameSite=Lax',
    );
    expect(sessionCookie('abc', cookieOptions(undefined))).not.toContain('Secure');
  });

  it('is Secure when PUBLIC_URL is https', () => {
    expect(sessionCookie('abc', cookieOptions('https://antq.example.vn'))).toBe(
      'antq_console=abc; Path=/console; HttpOnly; SameSite=Lax; Secure',
    );
  });

  it('is cleared with the same attributes and Max-Age=0', () => {
    expect(clearedSessionCookie(cookieOptions('https://antq.example.vn'))).toBe(
      'antq_console=; Path=/console; HttpOnly; SameSite=Lax; Secure; Max-Age=0',
    );
  });

  it('is read from a Cookie header among others', () => {
    expect(sessionCookieValue('a=1; antq_console=xyz; b=2')).toBe('xyz');
    expect(sessionCookieValue('antq_console_other=1')).toBeUndefined();
    expect(sessionCookieValue('antq_console=')).toBeUndefined();
    expect(sessionCookieValue(undefined)).toBeUndefined();
  });
});
