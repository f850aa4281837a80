import type { Me } from './api.ts';

/** A refused or failed request: its status (404 not in the officer's areas, 409 moved first…) and the API's reason. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string | undefined,
  ) {
    super(`console api: ${status} ${reason ?? ''}`);
  }
}

/** A JSON answer (nothing for 204), or the refusal as an ApiError. */
export async function json<T>(res: Response): Promise<T> {
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(res.status, body.error);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export const getJson = <T>(path: string): Promise<T> =>
  fetch(path, { headers: { accept: 'application/json' } }).then(json<T>);

/** A change: always with the session's CSRF token. */
export const post = <T = void>(me: Me, path: string, body?: unknown): Promise<T> =>
  fetch(path, {
    method: 'POST',
    headers: { 'x-csrf-token': me.csrfToken, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  }).then(json<T>);
