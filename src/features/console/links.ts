/** Where the console lives under the service's base URL. */
export const CONSOLE_PATH = '/console';

/** The address a sign-in link opens. */
export const consoleLoginUrl = (baseUrl: string, token: string) =>
  `${baseUrl.replace(/\/+$/, '')}${CONSOLE_PATH}/login?token=${encodeURIComponent(token)}`;
