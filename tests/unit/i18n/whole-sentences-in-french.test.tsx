// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HoldoutCheck } from '../../../src/domain/forecast/clv-holdout.ts';
import {
  daysOfTrafficNeeded,
  sampleSizeForLift,
} from '../../../src/domain/forecast/sample-size.ts';
import { SaveIndicator } from '../../../src/features/editor/save-indicator.tsx';
import { ProfilePage } from '../../../src/features/profiles/profile-view/profile-page.tsx';
import { HoldoutCharts } from '../../../src/features/forecast/clv/holdout-charts.tsx';
import { SampleSizePanel } from '../../../src/features/forecast/sample-size-panel.tsx';
import { VersionBanner } from '../../../src/features/live/version-banner.tsx';
import { PublishSuccess } from '../../../src/features/publish/publish-outcome.tsx';
import { inFrench } from '../../support/in-french.tsx';
import { person, testServices, withServices } from '../profiles-ui/services.tsx';

/** French typography's spaces, as Intl and the catalogue write them. */
const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
const frenchNumber = (n: number) => new Intl.NumberFormat('fr').format(n);

/** Thirteen held-out weeks after 1997-09-30, the last one three days long. */
const holdout: HoldoutCheck = {
  calibrationEnd: '1997-09-30',
  holdoutEnd: '1997-12-30',
  holdoutWeeks: 13,
  customers: 2357,
  actualHoldoutPurchases: 1882,
  predictedHoldoutPurchases: 1714,
  tracking: [
    { week: 0, from: '1997-09-24', days: 7, holdout: false, actual: 10, predicted: 11 },
    { week: 1, from: '1997-10-01', days: 7, holdout: true, actual: 12, predicted: 11 },
    { week: 2, from: '1997-10-08', days: 3, holdout: true, actual: 4, predicted: 5 },
  ].map((w) => ({ ...w, cumulativeActual: w.actual, cumulativePredicted: w.predicted })),
  conditional: [
    { x: 0, orMore: false, customers: 1411, actual: 0.2, predicted: 0.25 },
    { x: 1, orMore: true, customers: 946, actual: 1.6, predicted: 1.5 },
  ],
};

describe('whole sentences, read in French', () => {
  it('the live banner joins day and time with « à » and says how fresh the counts are', () => {
    inFrench(
      <VersionBanner
        version={4}
        publishedAt="2026-12-01T10:00:00.000Z"
        asOf="2026-12-06T08:30:00.000Z"
        drift={null}
        removed={[]}
      />,
    );
    const banner = screen.getByRole('group', { name: 'Version publiée' });
    expect(banner).toHaveTextContent(
      'Comptes réels de la v4, publiée le 1 déc. 2026 à 10:00 UTC · arrêtés au 6 déc. 2026 à 08:30',
    );
  });

  it('a failed save says why and that nothing is lost, in one sentence', () => {
    inFrench(
      <SaveIndicator
        state={{ status: 'error', reason: { code: 'storageFull' } }}
        onRetry={() => {}}
      />,
    );
    // textContent, not toHaveTextContent: that turns a no-break space into a plain one.
    expect(screen.getByRole('alert').textContent).toBe(
      `Non enregistré${NARROW_NBSP}; vos modifications sont conservées dans cet onglet. ` +
        `Le stockage du navigateur pour ce site est plein${NBSP}: supprimez les ensembles de profils ` +
        'ou les simulations enregistrées dont vous n’avez plus besoin, puis réessayez.',
    );
  });

  it('a publish names its version and the spec hash, the hash set as code', () => {
    inFrench(<PublishSuccess published={{ version: 3, specHash: 'a1b2c3' } as never} />);
    const notice = screen.getByRole('status');
    expect(notice.textContent).toBe(`Version 3 publiée. Empreinte de la spec${NBSP}: a1b2c3.`);
    expect(within(notice).getByText('a1b2c3').tagName).toBe('CODE');
  });

  it('the holdout check is one sentence with French dates, plurals and a signed percentage', async () => {
    inFrench(<HoldoutCharts check={holdout} />);
    const gap = new Intl.NumberFormat('fr', {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(1714 / 1882 - 1);
    expect(gap).toMatch(/^[-−]8,9/);
    const sentence = screen.getByText(/^Pendant les 13 semaines/, { selector: 'p' });
    expect(sentence.textContent).toBe(
      `Pendant les 13 semaines mises de côté (du 30 sept. 1997 au 30 déc. 1997), ` +
        `les ${frenchNumber(2357)} clients ont fait ${frenchNumber(1882)} réachats${NARROW_NBSP}; ` +
        `le modèle en attendait ${frenchNumber(1714)} (${gap} par rapport au réel).`,
    );
    const bold = [...sentence.querySelectorAll('strong')].map((strong) => strong.textContent);
    expect(bold).toEqual([frenchNumber(1882), frenchNumber(1714)]);
    // The short last week, named in French in the chart's table.
    const weekly = screen.getByRole('figure', { name: /réachats par semaine/ });
    await userEvent
      .setup()
      .click(within(weekly).getByRole('button', { name: 'Afficher le tableau' }));
    expect(within(weekly).getByText(/3 jours sur 7/)).toBeVisible();
  });

  it('the sample size answer is one sentence whose counts agree with their nouns', () => {
    const perArm = sampleSizeForLift({
      baselineRate: 0.1,
      relativeLift: 0.1,
      alpha: 0.05,
      power: 0.8,
    });
    const days = daysOfTrafficNeeded(perArm, 1000);
    inFrench(<SampleSizePanel baselineRate={0.1} entrantsPerDay={1000} />);
    expect(screen.getByRole('status').textContent).toBe(
      `${frenchNumber(perArm)} profils par bras (${frenchNumber(perArm * 2)} au total) — ` +
        `environ ${frenchNumber(Math.round(days))} jours de trafic à ${frenchNumber(1000)} entrants par jour.`,
    );
  });

  it('the sample size answer says in French why a lift cannot be measured', async () => {
    inFrench(<SampleSizePanel baselineRate={0.6} entrantsPerDay={1000} />);
    const lift = screen.getByRole('spinbutton', { name: /Gain relatif à détecter/ });
    const user = userEvent.setup();
    await user.clear(lift);
    await user.type(lift, '100');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        `Calcul impossible${NBSP}: le taux après gain, 120${NBSP}%, doit être entre 0${NBSP}% et 100${NBSP}%.`,
      ),
    );
  });

  it('the sample size answer says when no traffic can ever be enough', () => {
    inFrench(<SampleSizePanel baselineRate={0.1} entrantsPerDay={0} />);
    expect(screen.getByRole('status')).toHaveTextContent(
      /profils par bras \(.+ au total\) — aucun profil n’entre dans ce parcours, donc aucun volume de trafic ne suffit\.$/,
    );
  });
  it('a profile’s page gives its id and event count in one line, and its fields’ French names', async () => {
    const services = testServices();
    const set = await services.repo.createProfileSet({ name: 'Test', source: 'manual' });
    await services.repo.importIntoSet(
      set.id,
      [person('p1', 'Ann Lee', 'ann@example.com', 'pro', 1)],
      {
        mode: 'replace',
      },
    );
    inFrench(
      withServices(
        services,
        [{ path: '/profiles/:setId/:profileId', element: <ProfilePage /> }],
        `/profiles/${set.id}/p1`,
      ),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Ann Lee' })).toBeVisible();
    const subtitle = screen.getByText((_, element) => element?.textContent === 'p1 · 1 événement');
    expect(within(subtitle).getByText('p1').tagName).toBe('CODE');
    for (const field of ['Nom', 'Adresse e-mail', 'Offre', 'E-mail', 'SMS']) {
      expect(screen.getByText(field, { selector: 'dt' })).toBeVisible();
    }
    expect(screen.queryByText('Email', { selector: 'dt' })).toBeNull();
  });
});
