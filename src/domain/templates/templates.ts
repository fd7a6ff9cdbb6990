import { abandonedCart } from './abandoned-cart.ts';
import { birthdayOffer } from './birthday-offer.ts';
import { deliveryFollowUp } from './delivery-follow-up.ts';
import { postPurchaseNps } from './post-purchase-nps.ts';
import { renewalUpsell } from './renewal-upsell.ts';
import type { JourneyTemplate } from './template-builder.ts';
import { welcomeSeries } from './welcome-series.ts';
import { winBack } from './win-back.ts';

export type { JourneyTemplate } from './template-builder.ts';

/** The lifecycle templates offered in "New journey", in lifecycle order. */
export const TEMPLATES: readonly JourneyTemplate[] = [
  welcomeSeries,
  abandonedCart,
  deliveryFollowUp,
  postPurchaseNps,
  renewalUpsell,
  winBack,
  birthdayOffer,
];
