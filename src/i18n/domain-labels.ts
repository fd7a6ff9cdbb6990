import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { Channel, LifecycleStage } from '../domain/index.ts';

/** The lifecycle stages as French retail marketers name them (premier contact, reconquête…). */
export const LIFECYCLE_STAGE_MESSAGES: Record<LifecycleStage, MessageDescriptor> = defineMessages({
  first_contact: { id: 'lifecycle.stage.first_contact' },
  first_purchase: { id: 'lifecycle.stage.first_purchase' },
  delivery_follow_up: { id: 'lifecycle.stage.delivery_follow_up' },
  after_sales_service: { id: 'lifecycle.stage.after_sales_service' },
  renewal_cross_up_sell: { id: 'lifecycle.stage.renewal_cross_up_sell' },
  win_back: { id: 'lifecycle.stage.win_back' },
  none: { id: 'lifecycle.stage.none' },
});

/** The lifecycle templates' names and descriptions; their content (messages) stays English. */
export const TEMPLATE_MESSAGES: Record<
  string,
  { name: MessageDescriptor; description: MessageDescriptor }
> = {
  'abandoned-cart': defineMessages({
    name: { id: 'template.abandoned-cart.name' },
    description: { id: 'template.abandoned-cart.description' },
  }),
  'birthday-offer': defineMessages({
    name: { id: 'template.birthday-offer.name' },
    description: { id: 'template.birthday-offer.description' },
  }),
  'delivery-follow-up': defineMessages({
    name: { id: 'template.delivery-follow-up.name' },
    description: { id: 'template.delivery-follow-up.description' },
  }),
  'post-purchase-nps': defineMessages({
    name: { id: 'template.post-purchase-nps.name' },
    description: { id: 'template.post-purchase-nps.description' },
  }),
  'renewal-upsell': defineMessages({
    name: { id: 'template.renewal-upsell.name' },
    description: { id: 'template.renewal-upsell.description' },
  }),
  'welcome-series': defineMessages({
    name: { id: 'template.welcome-series.name' },
    description: { id: 'template.welcome-series.description' },
  }),
  'win-back': defineMessages({
    name: { id: 'template.win-back.name' },
    description: { id: 'template.win-back.description' },
  }),
};

/** The channels, as a marketer names them. */
export const CHANNEL_MESSAGES: Record<Channel, MessageDescriptor> = defineMessages({
  email: { id: 'channel.email' },
  sms: { id: 'channel.sms' },
  push: { id: 'channel.push' },
  in_app: { id: 'channel.in_app' },
  webhook: { id: 'channel.webhook' },
  call_centre: { id: 'channel.call_centre' },
  direct_mail: { id: 'channel.direct_mail' },
});

const KPI_MESSAGES: Record<string, MessageDescriptor> = defineMessages({
  conversionRate: { id: 'kpi.conversionRate' },
  conversions: { id: 'kpi.conversions' },
  revenue: { id: 'kpi.revenue' },
  uplift: { id: 'kpi.uplift' },
  cost: { id: 'kpi.cost' },
  costPerConversion: { id: 'kpi.costPerConversion' },
  returnOnSpend: { id: 'kpi.returnOnSpend' },
  messages: { id: 'kpi.messages' },
  messagesPerProfilePerWeek: { id: 'kpi.messagesPerProfilePerWeek' },
  unsubscribes: { id: 'kpi.unsubscribes' },
  npsSimulated: { id: 'kpi.npsSimulated' },
});

/**
 * A forecast KPI's name in the user's language, by its key (`cost.<channel>` for a channel's
 * cost); the domain's English label for a KPI this list does not know yet.
 */
export function kpiLabel(intl: IntlShape, kpi: { key: string; label: string }): string {
  const channel = kpi.key.startsWith('cost.') ? kpi.key.slice('cost.'.length) : undefined;
  if (channel !== undefined && channel in CHANNEL_MESSAGES) {
    return intl.formatMessage(
      { id: 'kpi.channelCost' },
      { channel: intl.formatMessage(CHANNEL_MESSAGES[channel as Channel]) },
    );
  }
  const message = KPI_MESSAGES[kpi.key];
  return message ? intl.formatMessage(message) : kpi.label;
}
