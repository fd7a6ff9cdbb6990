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
      <h1>{notFound ? 'Page not found' : 'This page could not be shown'}</h1>
      <p>
        {notFound
          ? 'There is nothing at this address.'
          : 'Something stored in this browser could not be read, or the page hit a fault. Your other journeys and profiles are not affected.'}
      </p>
      <p className="toolbar">
        <Link to="/">Back to your journeys</Link>
        <button type="button" className="btn btn-sm" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </p>
    </section>
  );
}
