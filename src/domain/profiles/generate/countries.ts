/** A country the generator places customers in, with how often and where they live. */
export interface CountrySpec {
  readonly code: string;
  /** Share of customers, relative to the other countries. */
  readonly weight: number;
  /** IANA time zones with their share of the country's customers. */
  readonly timeZones: ReadonlyArray<readonly [string, number]>;
  /** Locales with their share of the country's customers. */
  readonly locales: ReadonlyArray<readonly [string, number]>;
  /** International dialling prefix, with the `+`. */
  readonly dialCode: string;
  /** Digits of a national mobile number after the prefix. */
  readonly phoneDigits: number;
}

/** Rough shares for a consumer business selling mostly in North America and Europe. */
export const COUNTRIES: readonly CountrySpec[] = [
  {
    code: 'US',
    weight: 34,
    timeZones: [
      ['America/New_York', 47],
      ['America/Chicago', 29],
      ['America/Denver', 7],
      ['America/Phoenix', 2],
      ['America/Los_Angeles', 14],
      ['Pacific/Honolulu', 1],
    ],
    locales: [
      ['en-US', 88],
      ['es-US', 12],
    ],
    dialCode: '+1',
    phoneDigits: 10,
  },
  {
    code: 'GB',
    weight: 11,
    timeZones: [['Europe/London', 1]],
    locales: [['en-GB', 1]],
    dialCode: '+44',
    phoneDigits: 10,
  },
  {
    code: 'DE',
    weight: 9,
    timeZones: [['Europe/Berlin', 1]],
    locales: [
      ['de-DE', 92],
      ['en-GB', 8],
    ],
    dialCode: '+49',
    phoneDigits: 11,
  },
  {
    code: 'FR',
    weight: 8,
    timeZones: [['Europe/Paris', 1]],
    locales: [['fr-FR', 1]],
    dialCode: '+33',
    phoneDigits: 9,
  },
  {
    code: 'CA',
    weight: 5,
    timeZones: [
      ['America/Toronto', 55],
      ['America/Vancouver', 20],
      ['America/Edmonton', 15],
      ['America/Halifax', 10],
    ],
    locales: [
      ['en-CA', 78],
      ['fr-CA', 22],
    ],
    dialCode: '+1',
    phoneDigits: 10,
  },
  {
    code: 'ES',
    weight: 5,
    timeZones: [['Europe/Madrid', 1]],
    locales: [['es-ES', 1]],
    dialCode: '+34',
    phoneDigits: 9,
  },
  {
    code: 'IT',
    weight: 4,
    timeZones: [['Europe/Rome', 1]],
    locales: [['it-IT', 1]],
    dialCode: '+39',
    phoneDigits: 10,
  },
  {
    code: 'NL',
    weight: 3,
    timeZones: [['Europe/Amsterdam', 1]],
    locales: [
      ['nl-NL', 85],
      ['en-GB', 15],
    ],
    dialCode: '+31',
    phoneDigits: 9,
  },
  {
    code: 'AU',
    weight: 4,
    timeZones: [
      ['Australia/Sydney', 55],
      ['Australia/Brisbane', 20],
      ['Australia/Perth', 15],
      ['Australia/Adelaide', 10],
    ],
    locales: [['en-AU', 1]],
    dialCode: '+61',
    phoneDigits: 9,
  },
  {
    code: 'BR',
    weight: 5,
    timeZones: [
      ['America/Sao_Paulo', 85],
      ['America/Manaus', 15],
    ],
    locales: [['pt-BR', 1]],
    dialCode: '+55',
    phoneDigits: 11,
  },
  {
    code: 'MX',
    weight: 3,
    timeZones: [['America/Mexico_City', 1]],
    locales: [['es-MX', 1]],
    dialCode: '+52',
    phoneDigits: 10,
  },
  {
    code: 'IN',
    weight: 5,
    timeZones: [['Asia/Kolkata', 1]],
    locales: [
      ['en-IN', 80],
      ['hi-IN', 20],
    ],
    dialCode: '+91',
    phoneDigits: 10,
  },
  {
    code: 'JP',
    weight: 3,
    timeZones: [['Asia/Tokyo', 1]],
    locales: [['ja-JP', 1]],
    dialCode: '+81',
    phoneDigits: 10,
  },
  {
    code: 'SE',
    weight: 1,
    timeZones: [['Europe/Stockholm', 1]],
    locales: [
      ['sv-SE', 80],
      ['en-GB', 20],
    ],
    dialCode: '+46',
    phoneDigits: 9,
  },
];
