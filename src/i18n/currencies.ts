import { z } from 'zod';

/** The currencies a workspace can show its amounts in. */
export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;

export const currencySchema = z.enum(CURRENCIES);

export type Currency = z.infer<typeof currencySchema>;
