// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FormattedMessage } from 'react-intl';
import englishPages from 'virtual:wayfinder-messages/en/pages';
import { describe, expect, it } from 'vitest';
import { ENGLISH_MESSAGES, loadMessages } from '../../../src/i18n/load-messages.ts';
import { LocaleProvider } from '../../../src/i18n/locale-provider.tsx';
import {
  LIVE_MESSAGE_ID,
  PAGE_MESSAGE_ID,
  PUBLISH_MESSAGE_ID,
  RESULT_MESSAGE_ID,
} from '../../../src/i18n/page-messages.ts';
import { withPageMessages } from '../../../src/i18n/with-page-messages.tsx';

const root = path.resolve(import.meta.dirname, '../../..');
const en = JSON.parse(readFileSync(path.join(root, 'src/i18n/messages/en.json'), 'utf8')) as Record<
  string,
  string
>;

const fail = (error: unknown) => {
  throw error;
};

function ForecastTitle() {
  return (
    <h1>
      <FormattedMessage id="forecast.forecast-page.forecast" />
    </h1>
  );
}

describe('English page messages, kept out of the first load', () => {
  it('split the English catalogue in two: the first load and the pages', () => {
    const pageIds = Object.keys(en).filter((id) => PAGE_MESSAGE_ID.test(id));
    expect(pageIds.length).toBeGreaterThan(100);
    expect(Object.keys(englishPages).sort()).toEqual(pageIds.sort());
    expect(Object.keys(ENGLISH_MESSAGES).filter((id) => PAGE_MESSAGE_ID.test(id))).toEqual([]);
    // The rest of the first load's absentees are the problems, a result view's words, a step's
    // live counts and publishing's words (vite.config.ts).
    const absent = Object.keys(en).filter(
      (id) => !(id in ENGLISH_MESSAGES) && !pageIds.includes(id),
    );
    expect(
      absent.filter(
        (id) =>
          !/^(diagnostic|restore)\./.test(id) &&
          !RESULT_MESSAGE_ID.test(id) &&
          !LIVE_MESSAGE_ID.test(id) &&
          !PUBLISH_MESSAGE_ID.test(id),
      ),
    ).toEqual([]);
    expect(absent.filter((id) => RESULT_MESSAGE_ID.test(id))).toContain(
      'sim.result-kpis.noGoalSet',
    );
    expect(absent.filter((id) => LIVE_MESSAGE_ID.test(id))).toContain('live.step.actual');
    expect(absent.filter((id) => PUBLISH_MESSAGE_ID.test(id))).toContain(
      'publish.publish-dialog.abandonIt',
    );
  });

  it('reach a lazy page in English, and leave French to its own catalogue', async () => {
    const Page = withPageMessages(ForecastTitle, englishPages);
    const { unmount } = render(
      <LocaleProvider locale="en" messages={ENGLISH_MESSAGES} onError={fail}>
        <Page />
      </LocaleProvider>,
    );
    expect(
      screen.getByRole('heading', { name: en['forecast.forecast-page.forecast'] }),
    ).toBeVisible();
    unmount();
    render(
      <LocaleProvider locale="fr" messages={await loadMessages('fr')} onError={fail}>
        <Page />
      </LocaleProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Prévision' })).toBeVisible();
  });
});
