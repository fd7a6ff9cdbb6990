// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  noEntryReasonSchema,
  type NoEntryReason,
} from '../../../src/domain/diagnose/no-entry-diagnosis.ts';
import { NoEntryReasons } from '../../../src/ui/no-entry-reasons.tsx';
import { inFrench } from '../../support/in-french.tsx';

/** One reason of every code, with the values it carries. */
const EVERY_REASON: NoEntryReason[] = [
  { code: 'empty_set' },
  { code: 'no_trigger' },
  { code: 'period_misses_events', profiles: 1 },
  { code: 'event_never_occurs', stepId: 't1', event: 'cart_abandoned' },
  { code: 'event_outside_period', stepId: 't1', event: 'cart_abandoned', profiles: 1234 },
  { code: 'event_filters_match_none', stepId: 't1', event: 'cart_abandoned', profiles: 2 },
  { code: 'date_missing', stepId: 't2', attribute: 'birthday' },
  { code: 'date_outside_period', stepId: 't2', attribute: 'birthday', profiles: 1 },
  { code: 'schedule_outside_period', stepId: 't3' },
  { code: 'audience_matched_nobody', stepId: 't3' },
];
const LABELS: Record<string, string> = { t1: 'Panier', t2: 'Anniversaire', t3: 'Lundi' };

describe('why nobody entered, worded', () => {
  it('covers every code the domain can give', () => {
    const codes = noEntryReasonSchema.options.map((o) => o.shape.code.value);
    expect(EVERY_REASON.map((r) => r.code).sort()).toEqual([...codes].sort());
  });

  it('in English, each reason a sentence naming its trigger and values', () => {
    render(<NoEntryReasons reasons={EVERY_REASON} stepLabel={(id) => LABELS[id] ?? id} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toHaveLength(EVERY_REASON.length);
    expect(items).toContain(
      'The trigger “Panier” waits for the event cart_abandoned: 1,234 profiles have it, but never within the period.',
    );
    expect(items).toContain(
      'The period holds none of the set’s events: the one profile with events has them all before or after it. Choose a period within the set’s history.',
    );
  });

  it('in French, with French numbers, guillemets and no English left', () => {
    inFrench(<NoEntryReasons reasons={EVERY_REASON} stepLabel={(id) => LABELS[id] ?? id} />);
    expect(
      screen.getByRole('heading', { name: 'Personne n’est entré dans ce parcours' }),
    ).toBeVisible();
    const text = document.body.textContent ?? '';
    expect(text).toContain(
      'Le déclencheur «\u00a0Panier\u00a0» attend l’événement cart_abandoned\u00a0: 1\u202f234 profils l’ont, mais jamais dans la période.',
    );
    expect(text).not.toMatch(/\b(the|trigger|profiles?|period|nobody)\b/i);
  });

  it('says where to look when no reason was found', () => {
    render(<NoEntryReasons reasons={[]} stepLabel={(id) => id} />);
    expect(screen.getByText(/^Nothing in the profile set explains it/)).toBeVisible();
  });
});
