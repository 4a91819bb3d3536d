import { Before } from '@cucumber/cucumber';
import type { EwsWorld } from './world';
import { isProfileName, PROFILES, ProfileName } from '../../mock-ews/src/profiles/profiles';
import { PROFILE_NAMES } from '../../mock-ews/src/profiles/profiles';

/**
 * The profile matrix (docs/PROFILES.md): with MOCK_EWS_PROFILE=<profile> every scenario that
 * applies to that generation runs against it, and the others are skipped. Which generations a
 * scenario applies to comes from its tags:
 * - profile tags (@Exchange2007 … @ExchangeOnline): exactly those;
 * - @since:<profile> / @until:<profile>: a range of generations;
 * - none: every generation the harness can talk to (Basic authentication, which world.ts turns
 *   into OAuth tokens on Exchange Online). The requested version follows the row
 *   (default-version.ts), so a scenario that needs something a generation lacks carries
 *   @since:<profile>.
 * A scenario that picks its own generation ("Given the mock emulates …") runs only in the row of
 * that generation.
 */

const order = (p: ProfileName) => PROFILE_NAMES.indexOf(p);

export function appliesTo(tags: readonly string[], steps: readonly string[], profile: ProfileName): boolean {
  const pinned = steps.map((s) => /^the mock emulates (\w+)$/.exec(s)?.[1]).filter((p): p is string => p !== undefined);
  if (pinned.length > 0) return pinned.includes(profile);
  const named = tags.map((t) => t.slice(1)).filter(isProfileName);
  // Tags of the scenario and of its Examples block add up: the newest @since and oldest @until win.
  const bounds = (re: RegExp) => tags.map((t) => re.exec(t)?.[1]).filter((p): p is ProfileName => p !== undefined && isProfileName(p)).sort((a, b) => order(a) - order(b));
  const since = bounds(/^@since:(\w+)$/).at(-1);
  const until = bounds(/^@until:(\w+)$/)[0];
  if (named.length > 0) return named.includes(profile);
  if (since || until) return (!since || order(profile) >= order(since)) && (!until || order(profile) <= order(until));
  const p = PROFILES[profile];
  return p.authSchemes.includes('Basic') || p.online;
}

Before(function (this: EwsWorld, { pickle }) {
  const wanted = process.env.MOCK_EWS_PROFILE;
  if (!wanted) return undefined;
  if (!isProfileName(wanted)) throw new Error(`MOCK_EWS_PROFILE=${wanted} is not a profile (${PROFILE_NAMES.join(', ')})`);
  const tags = pickle.tags.map((t) => t.name);
  if (!appliesTo(tags, pickle.steps.map((s) => s.text), wanted)) return 'skipped';
  this.mockOptions.profile = wanted;
  return undefined;
});
