import { useIntl } from 'react-intl';
import type { ProfileSet } from '../../storage/records.ts';

/** The options of a profile set select, each set named with its number of profiles. */
export function ProfileSetOptions({ sets }: { sets: readonly ProfileSet[] }) {
  const intl = useIntl();
  return sets.map((s) => (
    <option key={s.id} value={s.id}>
      {intl.formatMessage({ id: 'forecast.setOption' }, { set: s.name, count: s.count })}
    </option>
  ));
}
