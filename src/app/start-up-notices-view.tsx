import { useSyncExternalStore } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { databaseBlocked } from '../storage/app-storage.ts';
import { failureCause } from '../i18n/failure-words.ts';
import { useStartUpNotices, type StartUpNotice } from './start-up-notices.ts';

function NoticeText({ notice }: { notice: StartUpNotice }) {
  const intl = useIntl();
  switch (notice.kind) {
    case 'mockBackendFailed':
      return <FormattedMessage id="shell.notice.mockBackendFailed" />;
    case 'languageNotLoaded':
      return <FormattedMessage id="shell.notice.languageNotLoaded" />;
    case 'demoNotStored':
      return (
        <FormattedMessage
          id="shell.notice.demoNotStored"
          values={{ cause: failureCause(intl, notice.reason) }}
        />
      );
  }
}

/**
 * What the app could not do as it started, and a database upgrade waiting for another tab, in
 * every screen (the editor's full-screen layout too): otherwise a refused service worker, full
 * storage or a blocked upgrade shows as a blank page, missing demo data or "Loading…" forever.
 */
export function StartUpNoticesView() {
  const intl = useIntl();
  const notices = useStartUpNotices();
  const blocked = useSyncExternalStore(databaseBlocked.subscribe, databaseBlocked.now);
  if (notices.length === 0 && !blocked) return null;
  return (
    <section
      className="start-up-notices"
      aria-label={intl.formatMessage({ id: 'shell.notice.label' })}
    >
      {blocked && (
        <p role="alert" className="warning-box">
          <FormattedMessage id="shell.notice.databaseBlocked" />
        </p>
      )}
      {notices.map((notice) => (
        <p key={notice.kind} role="alert" className="warning-box">
          <NoticeText notice={notice} />
        </p>
      ))}
    </section>
  );
}
