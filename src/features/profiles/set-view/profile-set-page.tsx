import { failureCause } from '../../../i18n/failure-words.ts';
import { FormattedMessage, useIntl } from 'react-intl';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { compileCondition } from '../../../domain/conditions/compile-condition.ts';
import {
  type ConditionGroup,
  emptyConditionGroup,
} from '../../../domain/conditions/condition-schema.ts';
import type { ProfileSort } from '../../../domain/profiles/query.ts';
import type { TableQuery } from '../../../domain/profiles/table/table-query.ts';
import { ConditionBuilder } from '../../../ui/condition-builder/condition-builder.tsx';
import { downloadParts } from '../../../ui/download.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { formatCount } from '../format.ts';
import { useProfilesServices } from '../profiles-services.tsx';
import { isConditionReady } from '../segment/condition-ready.ts';
import { suggestionsFromProfiles } from '../segment/profile-suggestions.ts';
import { useDebounced } from '../use-debounced.ts';
import { useProfileSet } from '../use-profile-sets.ts';
import { ProfileTable } from './profile-table.tsx';
import { useSetTable } from './use-set-table.ts';
import { useTableRows } from './use-table-rows.ts';
import '../profiles.css';

const EMPTY = emptyConditionGroup();
const NO_SUGGESTIONS = { attributes: [], events: [] };

/** A condition as the table's filter: undefined while it is empty or unfinished. */
function filterOf(condition: ConditionGroup): TableQuery['filter'] {
  if (condition.rules.length === 0 || !isConditionReady(condition)) return undefined;
  return {
    predicate: compileCondition(condition),
    context: { now: Date.now(), inControlGroup: false },
  };
}

/** One profile set: search, sort and filter its profiles in a virtualised table. */
export function ProfileSetPage() {
  const intl = useIntl();
  const { setId = '' } = useParams();
  const { repo } = useProfilesServices();
  const set = useProfileSet(setId);
  const loaded = useSetTable(set);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<ProfileSort | undefined>();
  const [showFilter, setShowFilter] = useState(false);
  const [condition, setCondition] = useState<ConditionGroup>(EMPTY);
  const applied = useDebounced(showFilter ? condition : EMPTY, 250);
  const deferredSearch = useDeferredValue(search);
  const table = loaded.state === 'ready' ? loaded.table : undefined;
  const filter = useMemo(() => filterOf(applied), [applied]);
  const query = useMemo(
    (): TableQuery => ({
      search: deferredSearch,
      ...(sort ? { sort } : {}),
      ...(filter ? { filter } : {}),
    }),
    [deferredSearch, sort, filter],
  );
  const view = useTableRows(table, query);
  // A sample of decoded profiles, only once the filter is open (2,000 at most).
  const suggestions = useMemo(
    () =>
      showFilter && table
        ? suggestionsFromProfiles(table.count, (i) => table.profile(i))
        : NO_SUGGESTIONS,
    [table, showFilter],
  );

  if (set === null) {
    return (
      <section className="page">
        <h1>
          <FormattedMessage id="profiles.profile-set-page.profileSetNotFound" />
        </h1>
        <p>
          <Link to="/profiles">
            <FormattedMessage id="profiles.profile-set-page.backToProfileSets" />
          </Link>
        </p>
      </section>
    );
  }
  const total = table?.count ?? set?.count ?? 0;
  const narrowed = view.answers.search.trim() !== '' || view.answers.filter !== undefined;
  const shown = view.rows?.length ?? total;
  return (
    <section className="page page-wide">
      <nav
        aria-label={intl.formatMessage({ id: 'profiles.profile-set-page.breadcrumb' })}
        className="breadcrumb"
      >
        <Link to="/profiles">
          <FormattedMessage id="profiles.profile-set-page.profileSets" />
        </Link>
      </nav>
      <PageHeader
        title={set?.name ?? intl.formatMessage({ id: 'profiles.segment-preview.profileSet' })}
        subtitle={
          set ? (
            <FormattedMessage
              id="profiles.profile-set-page.count"
              values={{ count: set.count, formatted: formatCount(set.count) }}
            />
          ) : (
            <FormattedMessage id="common.loading" />
          )
        }
      >
        <div className="toolbar">
          <button
            type="button"
            className="btn"
            disabled={!set}
            onClick={() =>
              void downloadParts(`${set?.name ?? 'profiles'}.json`, repo.exportSetParts(setId))
            }
          >
            <FormattedMessage id="profiles.profile-set-page.exportJson" />
          </button>
        </div>
      </PageHeader>
      <div className="set-controls">
        <input
          type="search"
          aria-label={intl.formatMessage({ id: 'profiles.profile-set-page.searchProfiles' })}
          placeholder={intl.formatMessage({ id: 'profiles.profile-set-page.searchByIdNameOr' })}
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
          {showFilter ? (
            <FormattedMessage id="profiles.profile-set-page.hideFilter" />
          ) : (
            <FormattedMessage id="profiles.profile-set-page.filter" />
          )}
        </button>
        <p className="match-count" role="status" aria-live="polite">
          {loaded.state === 'partial'
            ? intl.formatMessage(
                { id: 'profiles.profile-set-page.partial' },
                {
                  shown: formatCount(loaded.shown),
                  total: formatCount(set?.count ?? 0),
                },
              )
            : loaded.state !== 'ready'
              ? ''
              : narrowed
                ? intl.formatMessage(
                    { id: 'profiles.profile-set-page.matching' },
                    { shown: formatCount(shown), total: formatCount(total) },
                  )
                : intl.formatMessage(
                    { id: 'profiles.profile-set-page.count' },
                    { count: total, formatted: formatCount(total) },
                  )}
        </p>
      </div>
      {showFilter && (
        <div className="card filter-panel">
          <ConditionBuilder
            label={intl.formatMessage({ id: 'profiles.profile-set-page.showProfilesWhere' })}
            value={condition}
            onChange={setCondition}
            suggestions={suggestions}
          />
        </div>
      )}
      {loaded.state === 'loading' && (
        <p className="muted">
          <FormattedMessage id="profiles.profile-set-page.loadingProfiles" />
        </p>
      )}
      {loaded.state === 'failed' && (
        <p role="alert" className="field-error">
          <FormattedMessage
            id="profiles.profile-set-page.couldNotRead"
            values={{ what: 'set', cause: failureCause(intl, loaded.reason) }}
          />
        </p>
      )}
      {view.failed !== undefined && (
        <p role="alert" className="field-error">
          <FormattedMessage
            id="profiles.profile-set-page.couldNotRead"
            values={{ what: 'rows', cause: failureCause(intl, view.failed) }}
          />
        </p>
      )}
      {loaded.state === 'ready' && total === 0 && (
        <div className="card empty-state">
          <p className="muted">
            <FormattedMessage id="profiles.profile-set-page.thisSetIsEmptyImport" />
          </p>
        </div>
      )}
      {/* One table from the first rows to the whole set: a person scrolling the first rows
          keeps their place when the rest arrives. */}
      {(loaded.state === 'partial' || (loaded.state === 'ready' && total > 0)) && (
        <ProfileTable
          setId={setId}
          table={loaded.table}
          rows={loaded.state === 'ready' ? view.rows : undefined}
          count={loaded.state === 'ready' ? total : loaded.shown}
          busy={loaded.state === 'ready' && view.pending}
          sort={loaded.state === 'ready' ? sort : undefined}
          onSort={setSort}
          sortable={loaded.state === 'ready'}
        />
      )}
    </section>
  );
}
