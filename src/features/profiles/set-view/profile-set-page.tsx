import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type ConditionGroup,
  emptyConditionGroup,
} from '../../../domain/conditions/condition-schema.ts';
import type { ProfileSort } from '../../../domain/profiles/query.ts';
import { ConditionBuilder } from '../../../ui/condition-builder/condition-builder.tsx';
import { downloadText } from '../../../ui/download.ts';
import { formatCount } from '../format.ts';
import { useProfilesServices } from '../profiles-services.tsx';
import { isConditionReady } from '../segment/condition-ready.ts';
import { suggestionsFromProfiles } from '../segment/profile-suggestions.ts';
import { useDebounced } from '../use-debounced.ts';
import { useProfileSet } from '../use-profile-sets.ts';
import { filterByCondition, searchAndSort } from './filter-profiles.ts';
import { ProfileTable } from './profile-table.tsx';
import { useSetProfiles } from './use-set-profiles.ts';
import '../profiles.css';

const EMPTY = emptyConditionGroup();

/** One profile set: search, sort and filter its profiles in a virtualised table. */
export function ProfileSetPage() {
  const { setId = '' } = useParams();
  const { repo } = useProfilesServices();
  const set = useProfileSet(setId);
  const loaded = useSetProfiles(set);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<ProfileSort | undefined>();
  const [showFilter, setShowFilter] = useState(false);
  const [condition, setCondition] = useState<ConditionGroup>(EMPTY);
  const applied = useDebounced(showFilter ? condition : EMPTY, 250);
  const deferredSearch = useDeferredValue(search);
  const profiles = loaded.state === 'ready' ? loaded.profiles : undefined;
  /** The first chunk, shown as it is while the rest of a large set is read. */
  const firstRows = loaded.state === 'partial' ? loaded.profiles : undefined;
  const suggestions = useMemo(() => suggestionsFromProfiles(profiles ?? []), [profiles]);
  const matched = useMemo(
    () => filterByCondition(profiles ?? [], applied, Date.now()),
    [profiles, applied],
  );
  const view = useMemo(
    () => searchAndSort(matched, sort, deferredSearch),
    [matched, sort, deferredSearch],
  );

  if (set === null) {
    return (
      <section className="page">
        <h1>Profile set not found</h1>
        <p>
          <Link to="/profiles">Back to profile sets</Link>
        </p>
      </section>
    );
  }
  const total = profiles?.length ?? set?.count ?? 0;
  const narrowed =
    deferredSearch.trim() !== '' || (applied.rules.length > 0 && isConditionReady(applied));
  return (
    <section className="page page-wide">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/profiles">← Profile sets</Link>
      </nav>
      <div className="page-header">
        <div>
          <h1>{set?.name ?? 'Profile set'}</h1>
          <p className="page-subtitle">{set ? `${formatCount(set.count)} profiles` : 'Loading…'}</p>
        </div>
        <div className="toolbar">
          <button
            type="button"
            className="btn"
            disabled={!set}
            onClick={() =>
              void repo
                .exportSet(setId)
                .then((text) => downloadText(`${set?.name ?? 'profiles'}.json`, text))
            }
          >
            Export JSON
          </button>
        </div>
      </div>
      <div className="set-controls">
        <input
          type="search"
          aria-label="Search profiles"
          placeholder="Search by id, name or email"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          disabled={loaded.state !== 'ready'}
        />
        <button
          type="button"
          className="btn"
          disabled={loaded.state !== 'ready'}
          aria-expanded={showFilter}
          onClick={() => setShowFilter((v) => !v)}
        >
          {showFilter ? 'Hide filter' : 'Filter'}
        </button>
        <p className="match-count" role="status" aria-live="polite">
          {loaded.state === 'partial'
            ? `Showing the first ${formatCount(loaded.profiles.length)} of ${formatCount(set?.count ?? 0)} profiles; reading the rest…`
            : loaded.state !== 'ready'
              ? ''
              : narrowed
                ? `${formatCount(view.length)} of ${formatCount(total)} match`
                : `${formatCount(total)} profiles`}
        </p>
      </div>
      {showFilter && (
        <div className="card filter-panel">
          <ConditionBuilder
            label="Show profiles where"
            value={condition}
            onChange={setCondition}
            suggestions={suggestions}
          />
        </div>
      )}
      {loaded.state === 'loading' && <p className="muted">Loading profiles…</p>}
      {firstRows && (
        <ProfileTable setId={setId} profiles={firstRows} sort={undefined} sortable={false} />
      )}
      {loaded.state === 'failed' && (
        <p role="alert" className="field-error">
          {loaded.message}
        </p>
      )}
      {loaded.state === 'ready' &&
        (total === 0 ? (
          <div className="card empty-state">
            <p className="muted">
              This set is empty. Import a file or generate profiles into it from the profile sets
              page.
            </p>
          </div>
        ) : (
          <ProfileTable setId={setId} profiles={view} sort={sort} onSort={setSort} sortable />
        ))}
    </section>
  );
}
