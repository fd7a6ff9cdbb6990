import { FormattedMessage, useIntl } from 'react-intl';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ProfileEvent } from '../../../domain/profiles/profile.ts';
import { formatDateTime } from '../format.ts';
import { virtualRowStyle } from '../virtual-row.ts';

const ROW_HEIGHT = 34;

function describeProps(event: ProfileEvent): string {
  return Object.entries(event.props ?? {})
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ');
}

/** A profile's events, newest first, virtualised so long histories stay light. */
export function EventTimeline({ events }: { events: readonly ProfileEvent[] }) {
  const intl = useIntl();
  const scroller = useRef<HTMLDivElement>(null);
  const newestFirst = events.length;
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 600, height: 400 },
  });
  if (events.length === 0)
    return (
      <p className="muted">
        <FormattedMessage id="profiles.event-timeline.noEventsRecorded" />
      </p>
    );
  return (
    <div
      ref={scroller}
      className="timeline"
      role="list"
      aria-label={intl.formatMessage({ id: 'profiles.event-timeline.eventTimeline' })}
      tabIndex={0}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const event = events[newestFirst - 1 - item.index] as ProfileEvent;
          return (
            <div
              key={item.key}
              role="listitem"
              className="timeline-item"
              style={virtualRowStyle(item.start, ROW_HEIGHT)}
            >
              <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time>
              <span className="badge">{event.name}</span>
              <span className="muted timeline-props">{describeProps(event)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
