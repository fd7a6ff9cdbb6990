import { FormattedMessage, useIntl } from 'react-intl';
import type { ReactNode } from 'react';
import { useLiveRead } from '../../../storage/use-live-read.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { Link, useParams } from 'react-router';
import type { Profile } from '../../../domain/profiles/profile.ts';
const SEPARATOR = '/';
import { useProfilesServices } from '../profiles-services.tsx';
import { useProfileSet } from '../use-profile-sets.ts';
import { isoDateSchema, PROFILE_FIELDS } from '../../../domain/profiles/profile-fields.ts';
import { formatStoredDay } from '../format.ts';
import { attributeName } from '../../../i18n/condition-words.ts';
import { CHANNEL_MESSAGES } from '../../../i18n/domain-labels.ts';
import { EventTimeline } from './event-timeline.tsx';
import '../profiles.css';

const CHANNELS = ['email', 'sms', 'push', 'in_app'] as const;

/** The fields that hold a calendar day, written in the reader's language. */
const DAY_FIELDS: ReadonlySet<string> = new Set(
  PROFILE_FIELDS.flatMap(({ field, schema }) => (schema === isoDateSchema ? [field] : [])),
);

/** A field's value as shown: a calendar day in the reader's language, other text as it is. */
function FieldValue({ field, value }: { field: string; value: string }) {
  return DAY_FIELDS.has(field) ? <time dateTime={value}>{formatStoredDay(value)}</time> : value;
}

function ConsentBadge({ given }: { given: boolean | undefined }) {
  if (given === undefined)
    return (
      <span className="badge">
        <FormattedMessage id="profiles.profile-page.unknown" />
      </span>
    );
  return given ? (
    <span className="badge badge-ok">
      <FormattedMessage id="profiles.profile-page.optedIn" />
    </span>
  ) : (
    <span className="badge badge-error">
      <FormattedMessage id="profiles.profile-page.optedOut" />
    </span>
  );
}

/** One profile: attributes, consent, tags, custom attributes and its event timeline. */
export interface ProfilePageProps {
  /** Drawn beside the attributes (the app adds the lifetime-value thermometer here). */
  renderExtras?: (context: { setId: string; setVersion: string; profile: Profile }) => ReactNode;
}

export function ProfilePage({ renderExtras }: ProfilePageProps) {
  const intl = useIntl();
  const { setId = '', profileId = '' } = useParams();
  const { repo } = useProfilesServices();
  const set = useProfileSet(setId);
  const profile = useLiveRead(
    async () => (await repo.getProfile(setId, profileId)) ?? null,
    [repo, setId, profileId],
  );
  const back = (
    <nav
      aria-label={intl.formatMessage({ id: 'profiles.profile-page.breadcrumb' })}
      className="breadcrumb"
    >
      <Link to="/profiles">
        <FormattedMessage id="profiles.profile-page.profileSets" />
      </Link>{' '}
      <span aria-hidden="true">{SEPARATOR}</span>{' '}
      <Link to={`/profiles/${setId}`}>
        {set?.name ?? intl.formatMessage({ id: 'profiles.profile-page.set' })}
      </Link>
    </nav>
  );
  if (profile === undefined)
    return (
      <section className="page">
        {back}
        <p className="muted">
          <FormattedMessage id="profiles.profile-page.loadingProfile" />
        </p>
      </section>
    );
  if (profile === null) {
    return (
      <section className="page">
        {back}
        <h1>
          <FormattedMessage id="profiles.profile-page.profileNotFound" />
        </h1>
      </section>
    );
  }
  const { attributes } = profile;
  const custom = Object.entries(attributes.custom);
  return (
    <section className="page">
      {back}
      <PageHeader
        title={attributes.name ?? profile.id}
        subtitle={
          <FormattedMessage
            id="profiles.profile-page.idAndEventCount"
            values={{
              id: profile.id,
              count: profile.events.length,
              code: (chunks: ReactNode[]) => <code>{chunks}</code>,
            }}
          />
        }
      />
      <div className="profile-grid">
        <div className="card profile-card">
          <h2>
            <FormattedMessage id="profiles.profile-page.attributes" />
          </h2>
          <dl className="kv">
            {PROFILE_FIELDS.map(({ field: key }) => (
              <div key={key}>
                <dt>{attributeName(intl, key)}</dt>
                <dd>
                  {typeof attributes[key] === 'string' ? (
                    <FieldValue field={key} value={attributes[key] as string} />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <h2>
            <FormattedMessage id="profiles.profile-page.consent" />
          </h2>
          <dl className="kv">
            {CHANNELS.map((channel) => (
              <div key={channel}>
                <dt>{intl.formatMessage(CHANNEL_MESSAGES[channel])}</dt>
                <dd>
                  <ConsentBadge given={attributes.consent[channel]} />
                </dd>
              </div>
            ))}
          </dl>
          <h2>
            <FormattedMessage id="profiles.profile-page.tags" />
          </h2>
          {attributes.tags.length === 0 ? (
            <p className="muted">
              <FormattedMessage id="profiles.profile-page.noTags" />
            </p>
          ) : (
            <ul
              className="tag-list"
              aria-label={intl.formatMessage({ id: 'profiles.profile-page.tags' })}
            >
              {attributes.tags.map((tag) => (
                <li key={tag} className="badge">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          <h2>
            <FormattedMessage id="profiles.profile-page.customAttributes" />
          </h2>
          {custom.length === 0 ? (
            <p className="muted">
              <FormattedMessage id="profiles.profile-page.none" />
            </p>
          ) : (
            <dl className="kv">
              {custom.map(([key, value]) => (
                <div key={key}>
                  <dt>
                    <code>{key}</code>
                  </dt>
                  <dd>
                    {value === null ? (
                      <span className="muted">
                        <FormattedMessage id="profiles.profile-page.null" />
                      </span>
                    ) : (
                      String(value)
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
        {renderExtras && set && (
          <div className="card profile-card">
            {renderExtras({ setId, setVersion: String(set.updatedAt), profile })}
          </div>
        )}
        <div className="card profile-card">
          <h2>
            <FormattedMessage id="profiles.profile-page.events" />
          </h2>
          <EventTimeline events={profile.events} />
        </div>
      </div>
    </section>
  );
}
