// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Profile } from '../../../src/domain/index.ts';
import * as LiquidEngine from '../../../src/domain/templating/liquid-engine.ts';
import { MessagePreview } from '../../../src/features/editor/inspector/message-preview/message-preview.tsx';
import { inFrench } from '../../support/in-french.tsx';

// The engine as installed, unless a test has the page render before it has loaded.
vi.mock('../../../src/domain/templating/liquid-engine.ts', async (original) => {
  const actual = await original<typeof LiquidEngine>();
  return { ...actual, templateEngine: vi.fn(actual.templateEngine) };
});

const PROFILES: Profile[] = [
  { id: 'p1', attributes: { plan: 'plus', consent: {}, tags: [], custom: {} }, events: [] },
  { id: 'p2', attributes: { consent: {}, tags: [], custom: {} }, events: [] },
];
const JOURNEY = { id: 'j1', name: 'Bienvenue', unsubscribeUrl: 'https://example.test/u' };

function showInFrench(kind: 'sms' | 'push', config: unknown) {
  inFrench(
    <MessagePreview
      kind={kind}
      config={config}
      profiles={PROFILES}
      profileSetName="Clients démo"
      triggerEvent={undefined}
      journey={JOURNEY}
    />,
  );
}

describe('the message preview, in French', () => {
  it('says the template engine is loading, in French, while it loads', () => {
    vi.mocked(LiquidEngine.templateEngine).mockReturnValue(undefined);
    showInFrench('sms', { text: 'Votre forfait {{ profile.plan }}. STOP' });
    expect(screen.getByText('Le moteur de modèles charge…')).toBeVisible();
    expect(document.body.textContent).not.toMatch(/template engine|still loading/);
    vi.mocked(LiquidEngine.templateEngine).mockRestore();
  });

  it('names profiles, the field one lacks and the app in French', async () => {
    showInFrench('sms', { text: 'Votre forfait {{ profile.plan }}. STOP' });
    expect(screen.getByRole('option', { name: 'p2 (sans nom)' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Un auquel il manque un champ' }));
    expect(screen.getByRole('status')).toHaveTextContent('Il manque profile.plan à p2 (sans nom).');
  });

  it('says so in French when every profile has every printed field', async () => {
    showInFrench('sms', { text: 'Bonjour STOP {{ journey.name }}' });
    await userEvent.click(screen.getByRole('button', { name: 'Un auquel il manque un champ' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Chaque profil de l’ensemble « Clients démo » a tous les champs que ce message affiche.',
    );
  });

  it('shows a push under the app’s name in French', () => {
    showInFrench('push', { title: 'Salut', body: 'Votre forfait', deepLink: '' });
    expect(screen.getByText('Votre app · maintenant')).toBeVisible();
  });
});
