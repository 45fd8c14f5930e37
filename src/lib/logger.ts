import { pino, type DestinationStream, type Logger } from 'pino';

// Secrets never reach a log line: headers that carry them and every field that may hold one are censored.
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature-256"]',
  'res.headers["set-cookie"]',
  '*.access_token', '*.accessToken', '*.app_secret', '*.appSecret', '*.verify_token', '*.verifyToken',
  '*.password', '*.secret', '*.token', '*.apiKey', '*.api_key',
  'access_token', 'app_secret', 'verify_token', 'password', 'secret', 'token',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
