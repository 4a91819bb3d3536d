import type { OofSettings } from './types';

/** A mailbox's out-of-office settings before anyone set them: disabled, empty replies, a one-day window from the current hour. */
export function defaultOofSettings(now = Date.now()): OofSettings {
  const start = new Date(Math.floor(now / 3_600_000) * 3_600_000);
  return { state: 'Disabled', externalAudience: 'All', start, end: new Date(start.getTime() + 86_400_000), internalReply: '', externalReply: '' };
}
