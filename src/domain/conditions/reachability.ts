import { CHANNELS, type Channel } from '../channels.ts';
import type { Profile } from '../profiles/profile.ts';

function hasText(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // Most contact details start with a visible ASCII character: no need to trim them (the
  // simulator asks this for every profile that enters).
  const first = value.charCodeAt(0);
  return (first > 32 && first < 127) || value.trim() !== '';
}

/**
 * Whether a profile can be reached on a channel: email, SMS and push need contact details and
 * explicit consent; in-app needs only that consent was not refused; the call centre needs a
 * phone number; webhooks always run; direct mail needs a postal address or at least a country.
 */
export function isReachable(profile: Profile, channel: Channel): boolean {
  const a = profile.attributes;
  switch (channel) {
    case 'email':
      return a.consent.email === true && hasText(a.email);
    case 'sms':
      return a.consent.sms === true && hasText(a.phone);
    case 'push':
      return a.consent.push === true && hasText(a.pushToken);
    case 'in_app':
      return a.consent.in_app !== false;
    case 'call_centre':
      return hasText(a.phone);
    case 'webhook':
      return true;
    case 'direct_mail':
      return hasText(a.custom['postalAddress']) || hasText(a.country);
  }
}

/** Every channel as a mask: bit `c` stands for `CHANNELS[c]`. */
export const ALL_CHANNELS = (1 << CHANNELS.length) - 1;

/**
 * What a stored {@link reachMask} byte means: the version of {@link isReachable}'s rule and the
 * channel of each bit. Raise the version when the rule changes: bytes stored under another rule
 * (or another order of the channels) are then not read, and the profiles are asked instead.
 */
export const REACH_RULE = `1:${CHANNELS.join(',')}`;

/**
 * Bit `c` set when the profile is reachable on `CHANNELS[c]`, for the channels in `mask`: the
 * answer of {@link isReachable} channel by channel, so a column of these (see `reachColumn`) and
 * the profile objects agree by construction.
 */
export function reachMask(profile: Profile, mask = ALL_CHANNELS): number {
  let out = 0;
  for (let c = 0; c < CHANNELS.length; c++)
    if ((mask & (1 << c)) !== 0 && isReachable(profile, CHANNELS[c] as Channel)) out |= 1 << c;
  return out;
}
