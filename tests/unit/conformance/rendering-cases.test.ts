import { describe, expect, it } from 'vitest';
import {
  compareRenderings,
  RENDERING_CASES,
  renderCases,
} from '../../../src/domain/conformance/rendering-cases.ts';

describe('conformance rendering cases', () => {
  it('our engine renders every case exactly as the kit expects', () => {
    expect(compareRenderings(RENDERING_CASES, renderCases(RENDERING_CASES))).toEqual([]);
  });

  it('reports a case rendered differently, or left out', () => {
    const actual = renderCases(RENDERING_CASES);
    actual['profile-field'] = 'Hi Ann!';
    delete actual['dates-in-utc'];
    expect(compareRenderings(RENDERING_CASES, actual)).toEqual([
      'profile-field: expected "Hi Ann Lee!", got "Hi Ann!"',
      'dates-in-utc: expected "12 April / 2024-03-31 23:30", got null',
    ]);
  });
});
