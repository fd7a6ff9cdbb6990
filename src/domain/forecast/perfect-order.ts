import type { Profile } from '../profiles/profile';
import { inWindow, type TimeWindow } from './time-window';

/** Options for {@link perfectOrderRate}. */
export interface PerfectOrderOptions extends TimeWindow {
  /** The order event. Default `order_placed`. */
  orderEvent?: string;
  /** The delivery event. Default `order_delivered`. */
  deliveryEvent?: string;
}

/** Perfect-order tallies. */
export interface PerfectOrderSummary {
  /** Orders placed in the window. */
  orders: number;
  /** Of those, orders with a matching delivery event. */
  delivered: number;
  /** Of those, deliveries with `onTime` and `complete` both true. */
  perfect: number;
  /** perfect / orders; null without orders. */
  rate: number | null;
}

/**
 * The perfect-order rate: among the orders placed in [from, to), the share delivered on time
 * and complete. An order's delivery is the profile's delivery event with the same `orderId`
 * prop, at any time (an order placed near the end of the window may be delivered after it);
 * when an order has several delivery events the latest decides. Orders without an `orderId`
 * cannot be matched and count as not perfect.
 */
export function perfectOrderRate(
  profiles: readonly Profile[],
  options: PerfectOrderOptions = {},
): PerfectOrderSummary {
  const orderEvent = options.orderEvent ?? 'order_placed';
  const deliveryEvent = options.deliveryEvent ?? 'order_delivered';
  let orders = 0;
  let delivered = 0;
  let perfect = 0;
  for (const profile of profiles) {
    const deliveries = new Map<string, boolean>();
    for (const event of profile.events) {
      if (event.name !== deliveryEvent) continue;
      const orderId = event.props?.orderId;
      if (orderId === undefined || orderId === null) continue;
      // Events are sorted by time, so a later delivery of the same order overwrites an earlier one.
      deliveries.set(
        String(orderId),
        event.props?.onTime === true && event.props?.complete === true,
      );
    }
    for (const event of profile.events) {
      if (event.name !== orderEvent || !inWindow(event.at, options)) continue;
      orders++;
      const orderId = event.props?.orderId;
      const outcome =
        orderId === undefined || orderId === null ? undefined : deliveries.get(String(orderId));
      if (outcome === undefined) continue;
      delivered++;
      if (outcome) perfect++;
    }
  }
  return { orders, delivered, perfect, rate: orders === 0 ? null : perfect / orders };
}
