import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Header secrets are redacted by path; configured secrets
 * (bot tokens appear in Bot API URLs) are scrubbed from every serialized error.
 */
export function createLogger(
  level: string,
  secrets: Array<string | undefined> = [],
  destination?: DestinationStream,
): Logger {
  const known = secrets.filter((s): s is string => !!s && s.length >= 6);
  const scrub = (text: string) => known.reduce((t, s) => t.split(s).join('[redacted]'), text);
  return pino(
    {
      level,
      base: { service: 'antq-bot' },
      redact: {
        paths: [
          'req.headers["x-telegram-bot-api-secret-token"]',
          'req.headers["x-bot-api-secret-token"]',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
      serializers: {
        err: (err: Error) => {
          const s = stdSerializers.err(err);
          return JSON.parse(scrub(JSON.stringify(s)));
        },
      },
    },
    destination,
  );
}
