// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restore, validate, type Diagnostic, type JourneyStep } from '../../../src/domain/index.ts';
import { ProblemsList } from '../../../src/features/editor/problems/problems-list.tsx';
import { StepInspector } from '../../../src/features/editor/inspector/step-inspector.tsx';
import { BrokenJourneyRow } from '../../../src/features/journeys/broken-journey-row.tsx';
import { parseJourneyFile } from '../../../src/features/journeys/parse-journey-file.ts';
import { loadProblemText } from '../../../src/i18n/diagnostic-text.ts';
import { loadMessages } from '../../../src/i18n/load-messages.ts';
import { inFrench } from '../../support/in-french.tsx';
import { createIntl } from 'react-intl';
import { simpleDoc } from '../journey/doc-fixture.ts';

const french = await loadMessages('fr');

/** A journey with problems of several kinds: no way in, no subject, a negative delay, no opt-out. */
function brokenJourney() {
  const doc = simpleDoc();
  doc.steps = doc.steps.filter((s) => s.kind !== 'event');
  doc.connections = doc.connections.filter((c) => c.from !== 't');
  const email = doc.steps.find((s) => s.kind === 'email') as JourneyStep;
  email.config = { ...email.config, subject: '' };
  const delay = doc.steps.find((s) => s.kind === 'delay') as JourneyStep;
  delay.config = { amount: -2, unit: 'days' };
  const sms = doc.steps.find((s) => s.kind === 'sms') as JourneyStep;
  sms.config = { ...sms.config, text: 'Hi there' };
  return { doc, email, delay };
}

describe('diagnostics in French', () => {
  it('the problems panel says each problem, its place and the count in French', () => {
    const { doc } = brokenJourney();
    const diagnostics = validate(doc);
    const codes = new Set(diagnostics.map((d) => d.code));
    expect(codes).toEqual(
      new Set(['no-trigger', 'required-field', 'invalid-config', 'sms-without-opt-out']),
    );
    inFrench(
      <ProblemsList
        diagnostics={diagnostics}
        stepLabels={Object.fromEntries(doc.steps.map((s) => [s.id, s.label]))}
        onSelect={vi.fn()}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('3 erreurs, 1 avertissement');
    const panel = screen.getByRole('region', { name: 'Problèmes' });
    expect(panel).toHaveTextContent('Ajoutez un déclencheur : le parcours n’a aucune entrée.');
    expect(panel).toHaveTextContent('Écrivez un objet.');
    expect(panel).toHaveTextContent('amount : doit être supérieur à 0');
    expect(panel).toHaveTextContent('Un SMS marketing doit indiquer comment se désinscrire');
    for (const d of diagnostics) expect(panel).not.toHaveTextContent(d.message);
    expect(within(panel).getAllByText('Parcours')).not.toHaveLength(0);
  });

  it('the inspector shows a step’s errors in French, beside their fields', () => {
    const { doc, delay } = brokenJourney();
    const diagnostics: Diagnostic[] = validate(doc).filter((d) => d.stepId === delay.id);
    inFrench(
      <StepInspector
        step={delay}
        diagnostics={diagnostics}
        onChangeConfig={vi.fn()}
        onChangeLabel={vi.fn()}
        onDelete={vi.fn()}
      />,
    );
    const invalid = screen
      .getAllByRole('spinbutton')
      .filter((input) => input.getAttribute('aria-invalid') === 'true');
    expect(invalid).toHaveLength(1);
    // The form's own check and the validator's say the same thing, once.
    expect(invalid[0]).toHaveAccessibleDescription('Doit être supérieur à 0.');
    expect(screen.queryByText(/Too small|expected/i)).toBeNull();
  });

  it('import and broken-journey problems read in French', () => {
    const intl = createIntl({ locale: 'fr', messages: french });
    const syntax = parseJourneyFile('a.json', '{ "name": "x", }');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) {
      expect(syntax.errors.map((e) => loadProblemText(intl, e))).toEqual([
        'JSON non valide ligne 1, colonne 16 : nom de propriété entre guillemets doubles attendu (pas de virgule finale en JSON)',
      ]);
    }
    const future = restore({ ...simpleDoc(), schemaVersion: 99 });
    if (future.ok) throw new Error('a future version must not restore');
    inFrench(
      <table>
        <tbody>
          <BrokenJourneyRow
            journey={{ id: 'j9', name: 'Futur', updatedAt: '', problems: future.errors }}
            columns={5}
            onView={vi.fn()}
            onExport={vi.fn()}
            onDelete={vi.fn()}
          />
        </tbody>
      </table>,
    );
    expect(screen.getByRole('list', { name: /Futur/ })).toHaveTextContent(
      'Ce parcours a été enregistré par une version plus récente de Wayfinder (schéma 99)',
    );
  });
});
