import { failureReasonOf, type FailureReason } from '../../../domain/failure/failure-reason.ts';
import { failureCause } from '../../../i18n/failure-words.ts';
import { FormattedMessage, useIntl } from 'react-intl';
import { useEffect, useId, useState } from 'react';
import type { ConditionGroup } from '../../../domain/conditions/condition-schema.ts';
import { formatNumber } from '../../../ui/kpi/format-number.ts';
import { formatCount } from '../format.ts';
import { useProfilesServices } from '../profiles-services.tsx';
import { useDebounced } from '../use-debounced.ts';
import { useProfileSets } from '../use-profile-sets.ts';
import { isConditionReady } from './condition-ready.ts';
import '../profiles.css';

export interface SegmentPreviewProps {
  /** The condition being edited. */
  condition: ConditionGroup;
  /** The profile set to count in; without it a set picker is shown. */
  setId?: string;
  /** Evaluation time, epoch milliseconds; now by default. */
  now?: number;
  /** Wait this long after the last edit before counting. */
  debounceMs?: number;
}

type Count =
  | { state: 'counting' }
  | { state: 'done'; matched: number; total: number }
  | { state: 'failed'; reason: FailureReason };

/**
 * How many profiles of a set match a condition, counted off the main thread with the same
 * evaluator the simulator uses, while the condition is edited.
 */
export function SegmentPreview({ condition, setId, now, debounceMs = 300 }: SegmentPreviewProps) {
  const intl = useIntl();
  const { jobs } = useProfilesServices();
  const sets = useProfileSets();
  const pickerId = useId();
  const [picked, setPicked] = useState<string | undefined>();
  const chosen = setId ?? picked ?? sets?.[0]?.id;
  const settled = useDebounced(condition, debounceMs);
  const [count, setCount] = useState<Count>({ state: 'counting' });
  const ready = isConditionReady(settled);

  useEffect(() => {
    if (chosen === undefined || !ready) return;
    let live = true;
    setCount({ state: 'counting' });
    jobs.countSegment(chosen, settled, now ?? Date.now()).then(
      ({ matched, total }) => live && setCount({ state: 'done', matched, total }),
      (error: unknown) => live && setCount({ state: 'failed', reason: failureReasonOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [jobs, chosen, settled, ready, now]);

  let text: string;
  if (sets !== undefined && sets.length === 0 && setId === undefined)
    text = intl.formatMessage({ id: 'profiles.segment-preview.noSets' });
  else if (!ready) text = intl.formatMessage({ id: 'profiles.segment-preview.unfinished' });
  else if (count.state === 'done') {
    const figures = { matched: formatCount(count.matched), total: formatCount(count.total) };
    text =
      count.total > 0
        ? intl.formatMessage(
            { id: 'profiles.segment-preview.matching' },
            { ...figures, share: formatNumber(count.matched / count.total, 'percent') },
          )
        : intl.formatMessage({ id: 'profiles.segment-preview.matchingNone' }, figures);
  } else if (count.state === 'failed')
    text = intl.formatMessage(
      { id: 'profiles.segment-preview.failed' },
      { cause: failureCause(intl, count.reason) },
    );
  else text = intl.formatMessage({ id: 'profiles.segment-preview.counting' });

  return (
    <div className="segment-preview">
      {setId === undefined && sets !== undefined && sets.length > 0 && (
        <div className="segment-preview-picker">
          <label htmlFor={pickerId}>
            <FormattedMessage id="profiles.segment-preview.profileSet" />
          </label>
          <select
            id={pickerId}
            value={chosen ?? ''}
            title={sets.find((s) => s.id === chosen)?.name}
            onChange={(e) => setPicked(e.target.value)}
          >
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                <FormattedMessage
                  id="profiles.segment-preview.setOption"
                  values={{ set: s.name, count: formatCount(s.count) }}
                />
              </option>
            ))}
          </select>
        </div>
      )}
      <p
        className="segment-preview-count"
        role="status"
        aria-live="polite"
        aria-busy={count.state === 'counting' && ready}
      >
        {text}
      </p>
    </div>
  );
}
