import type { Channel } from '../channels.ts';
import type { Profile } from '../profiles/profile.ts';

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
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
      return hasText(a.email) && a.consent.email === true;
    case 'sms':
      return hasText(a.phone) && a.consent.sms === true;
    case 'push':
      return hasText(a.pushToken) && a.consent.push === true;
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
