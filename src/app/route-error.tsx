import { FormattedMessage } from 'react-intl';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isChunkLoadError } from '../ui/chunk-load-error.ts';

/**
 * What a page that failed to draw shows instead of React Router's "Unexpected Application
 * Error": what happened in plain words, and a way back. The app's header stays. A tab older
 * than the app's last deploy is told to reload, its saved work safe, not that a page failed.
 */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const newVersion = !notFound && isChunkLoadError(error);
  return (
    <section className="page" role="alert">
      <h1>
        {notFound ? (
          <FormattedMessage id="shell.notFound.title" />
        ) : newVersion ? (
          <FormattedMessage id="shell.newVersion.title" />
        ) : (
          <FormattedMessage id="shell.routeError.title" />
        )}
      </h1>
      <p>
        {notFound ? (
          <FormattedMessage id="shell.notFound.nothingHere" />
        ) : newVersion ? (
          <FormattedMessage id="shell.newVersion.body" />
        ) : (
          <FormattedMessage id="shell.routeError.body" />
        )}
      </p>
      <p className="toolbar">
        <Link to="/">
          <FormattedMessage id="shell.backToJourneys" />
        </Link>
        <button type="button" className="btn btn-sm" onClick={() => window.location.reload()}>
          <FormattedMessage id="shell.routeError.reload" />
        </button>
      </p>
    </section>
  );
}
