import { FormattedMessage, useIntl } from 'react-intl';
import { failureCause } from '../i18n/failure-words.ts';
import { useStartUpNotices, type StartUpNotice } from './start-up-notices.ts';

function NoticeText({ notice }: { notice: StartUpNotice }) {
  const intl = useIntl();
  switch (notice.kind) {
    case 'mockBackendFailed':
      return <FormattedMessage id="shell.notice.mockBackendFailed" />;
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
 * What the app could not do as it started, in every screen (the editor's full-screen layout
 * too): otherwise a refused service worker or full storage shows as a blank page or demo data
 * silently missing.
 */
export function StartUpNoticesView() {
  const intl = useIntl();
  const notices = useStartUpNotices();
  if (notices.length === 0) return null;
  return (
    <section
      className="start-up-notices"
      aria-label={intl.formatMessage({ id: 'shell.notice.label' })}
    >
      {notices.map((notice) => (
        <p key={notice.kind} role="alert" className="warning-box">
          <NoticeText notice={notice} />
        </p>
      ))}
    </section>
  );
}
