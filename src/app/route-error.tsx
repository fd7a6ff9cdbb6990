import { FormattedMessage } from 'react-intl';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/**
 * What a page that failed to draw shows instead of React Router's "Unexpected Application
 * Error": what happened in plain words, and a way back. The app's header stays.
 */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="page" role="alert">
      <h1>
        {notFound ? (
          <FormattedMessage id="shell.notFound.title" />
        ) : (
          <FormattedMessage id="shell.routeError.title" />
        )}
      </h1>
      <p>
        {notFound ? (
          <FormattedMessage id="shell.notFound.nothingHere" />
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
