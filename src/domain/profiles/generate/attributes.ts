import type { Consent, ProfileAttributes } from '../profile';
import { type Random, weightedTable } from '../random';
import { COUNTRIES, type CountrySpec } from './countries';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from './names';
import { DAY_MS, toIsoDate } from '../dates';

/** Share of customers with each kind of contact point and consent. */
export const CONTACT_RATES = {
  email: 0.97,
  phone: 0.8,
  pushToken: 0.55,
  birthday: 0.85,
} as const;

/** Target opt-in rates over all customers, per consent channel. */
export const CONSENT_RATES = { email: 0.7, sms: 0.35, push: 0.4, in_app: 0.85 } as const;

/** Plans with their share of customers; all but `free` renew yearly. */
export const PLANS: ReadonlyArray<readonly [string, number]> = [
  ['free', 55],
  ['basic', 25],
  ['pro', 15],
  ['enterprise', 5],
];

const countryTable = weightedTable(COUNTRIES.map((c) => [c, c.weight] as const));
const zoneTables = new Map(COUNTRIES.map((c) => [c.code, weightedTable(c.timeZones)]));
const localeTables = new Map(COUNTRIES.map((c) => [c.code, weightedTable(c.locales)]));
const domainTable = weightedTable(EMAIL_DOMAINS);
const planTable = weightedTable(PLANS);
const ACQUISITION = weightedTable([
  ['organic', 35],
  ['paid_search', 20],
  ['social', 18],
  ['referral', 12],
  ['email', 8],
  ['partner', 7],
] as const);
const OPTIONAL_TAGS = ['newsletter', 'beta', 'mobile_app', 'student', 'gift_buyer'] as const;
const TAG_RATES = [0.3, 0.05, 0.35, 0.06, 0.12] as const;

/** Everything about one generated customer that is not an event. */
export interface GeneratedIdentity {
  attributes: ProfileAttributes;
  country: CountrySpec;
  signupAt: number;
}

function phoneNumber(random: Random, country: CountrySpec): string {
  let digits = String(random.int(2, 10));
  for (let i = 1; i < country.phoneDigits; i++) digits += String(random.int(0, 10));
  return country.dialCode + digits;
}

const slugs = new Map<string, string>();
function slug(text: string): string {
  let s = slugs.get(text);
  if (s === undefined) {
    s = toSlug(text);
    slugs.set(text, s);
  }
  return s;
}

function toSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Draws the attributes of one customer; `index` makes emails and push tokens unique. */
export function generateIdentity(
  random: Random,
  index: number,
  start: number,
  end: number,
): GeneratedIdentity {
  const country = countryTable.sample(random);
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const hasEmail = random.chance(CONTACT_RATES.email);
  const hasPhone = random.chance(CONTACT_RATES.phone);
  const hasPush = random.chance(CONTACT_RATES.pushToken);
  // Consent is only ever given on a channel the customer can be reached on, so the
  // conditional rate is the target rate divided by the reach rate.
  const consent: Consent = {
    email: hasEmail && random.chance(CONSENT_RATES.email / CONTACT_RATES.email),
    sms: hasPhone && random.chance(CONSENT_RATES.sms / CONTACT_RATES.phone),
    push: hasPush && random.chance(CONSENT_RATES.push / CONTACT_RATES.pushToken),
    in_app: random.chance(CONSENT_RATES.in_app),
  };
  // More recent signups are more common: a growing business.
  const signupAt = Math.floor(start + (end - start) * Math.sqrt(random.next()));
  const attributes: ProfileAttributes = {
    name: `${first} ${last}`,
    timeZone: zoneTables.get(country.code)?.sample(random),
    locale: localeTables.get(country.code)?.sample(random),
    country: country.code,
    signupDate: toIsoDate(signupAt),
    plan: planTable.sample(random),
    consent,
    tags: [],
    custom: { acquisitionChannel: ACQUISITION.sample(random) },
  };
  if (hasEmail) {
    attributes.email = `${slug(first)}.${slug(last)}${index}@${domainTable.sample(random)}`;
  }
  if (hasPhone) attributes.phone = phoneNumber(random, country);
  if (hasPush)
    attributes.pushToken = `tok_${(index + 1).toString(36)}_${random.int(0, 2 ** 30).toString(36)}`;
  if (random.chance(CONTACT_RATES.birthday)) {
    const age = Math.min(90, Math.max(18, 38 + 13 * random.normal()));
    attributes.birthday = toIsoDate(signupAt - age * 365.25 * DAY_MS);
  }
  OPTIONAL_TAGS.forEach((tag, i) => {
    if (random.chance(TAG_RATES[i] ?? 0)) attributes.tags.push(tag);
  });
  return { attributes, country, signupAt };
}
