import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="page">
      <h1>
        <FormattedMessage id="shell.notFound.title" />
      </h1>
      <p>
        <FormattedMessage
          id="shell.notFound.body"
          values={{ link: (text) => <Link to="/">{text}</Link> }}
        />
      </p>
    </section>
  );
}
