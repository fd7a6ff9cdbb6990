import type { ReactNode } from 'react';
import { useLiveRead } from '../../../storage/use-live-read.ts';
import { Link, useParams } from 'react-router';
import type { Profile } from '../../../domain/profiles/profile.ts';
import { plural } from '../format.ts';
import { useProfilesServices } from '../profiles-services.tsx';
import { useProfileSet } from '../use-profile-sets.ts';
import { PROFILE_FIELDS } from '../../../domain/profiles/profile-fields.ts';
import { EventTimeline } from './event-timeline.tsx';
import '../profiles.css';

const CHANNELS = [
  ['email', 'Email'],
  ['sms', 'SMS'],
  ['push', 'Push'],
  ['in_app', 'In-app'],
] as const;

function ConsentBadge({ given }: { given: boolean | undefined }) {
  if (given === undefined) return <span className="badge">unknown</span>;
  return given ? (
    <span className="badge badge-ok">opted in</span>
  ) : (
    <span className="badge badge-error">opted out</span>
  );
}

/** One profile: attributes, consent, tags, custom attributes and its event timeline. */
export interface ProfilePageProps {
  /** Drawn beside the attributes (the app adds the lifetime-value thermometer here). */
  renderExtras?: (context: { setId: string; setVersion: string; profile: Profile }) => ReactNode;
}

export function ProfilePage({ renderExtras }: ProfilePageProps) {
  const { setId = '', profileId = '' } = useParams();
  const { repo } = useProfilesServices();
  const set = useProfileSet(setId);
  const profile = useLiveRead(
    async () => (await repo.getProfile(setId, profileId)) ?? null,
    [repo, setId, profileId],
  );
  const back = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to="/profiles">Profile sets</Link> <span aria-hidden="true">/</span>{' '}
      <Link to={`/profiles/${setId}`}>{set?.name ?? 'Set'}</Link>
    </nav>
  );
  if (profile === undefined)
    return (
      <section className="page">
        {back}
        <p className="muted">Loading profile…</p>
      </section>
    );
  if (profile === null) {
    return (
      <section className="page">
        {back}
        <h1>Profile not found</h1>
      </section>
    );
  }
  const { attributes } = profile;
  const custom = Object.entries(attributes.custom);
  return (
    <section className="page">
      {back}
      <div className="page-header">
        <div>
          <h1>{attributes.name ?? profile.id}</h1>
          <p className="page-subtitle">
            <code>{profile.id}</code> · {plural(profile.events.length, 'event')}
          </p>
        </div>
      </div>
      <div className="profile-grid">
        <div className="card profile-card">
          <h2>Attributes</h2>
          <dl className="kv">
            {PROFILE_FIELDS.map(({ field: key, label }) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>
                  {typeof attributes[key] === 'string' ? (
                    (attributes[key] as string)
                  ) : (
                    <span className="muted">—</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <h2>Consent</h2>
          <dl className="kv">
            {CHANNELS.map(([channel, label]) => (
              <div key={channel}>
                <dt>{label}</dt>
                <dd>
                  <ConsentBadge given={attributes.consent[channel]} />
                </dd>
              </div>
            ))}
          </dl>
          <h2>Tags</h2>
          {attributes.tags.length === 0 ? (
            <p className="muted">No tags.</p>
          ) : (
            <ul className="tag-list" aria-label="Tags">
              {attributes.tags.map((tag) => (
                <li key={tag} className="badge">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          <h2>Custom attributes</h2>
          {custom.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <dl className="kv">
              {custom.map(([key, value]) => (
                <div key={key}>
                  <dt>
                    <code>{key}</code>
                  </dt>
                  <dd>{value === null ? <span className="muted">null</span> : String(value)}</dd>
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
          <h2>Events</h2>
          <EventTimeline events={profile.events} />
        </div>
      </div>
    </section>
  );
}
