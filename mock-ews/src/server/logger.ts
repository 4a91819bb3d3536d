import pino from 'pino';

export type Logger = pino.Logger;

/** The mock's logger; quiet unless MOCK_EWS_LOG_LEVEL says otherwise. */
export function createLogger(level = process.env.MOCK_EWS_LOG_LEVEL ?? 'warn'): Logger {
  return pino({ level, name: 'mock-ews', redact: ['password', 'authorization', '*.password', '*.authorization'] });
}
