// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/domain/index.ts';
import { DiagnosticList } from '../../../src/features/editor/inspector/diagnostic-list.tsx';
import { ENGLISH_MESSAGES, loadMessages } from '../../../src/i18n/load-messages.ts';
import { LocaleProvider } from '../../../src/i18n/locale-provider.tsx';

const longSms: Diagnostic = {
  severity: 'warning',
  code: 'long-sms',
  message: 'The domain’s own English words.',
  params: { characters: 200, encoding: 'GSM-7', parts: 2 },
};

describe('English problem messages', () => {
  it('ship apart from the first load, and French carries its own', async () => {
    expect(Object.hasOwn(ENGLISH_MESSAGES, 'diagnostic.long-sms')).toBe(false);
    expect(Object.hasOwn(ENGLISH_MESSAGES, 'restore.not-an-object')).toBe(false);
    expect(Object.hasOwn(ENGLISH_MESSAGES, 'editor.problems-list.summary')).toBe(true);
    expect(Object.hasOwn(await loadMessages('fr'), 'diagnostic.long-sms')).toBe(true);
  });

  it('are fetched by the provider after the first paint, and then word the problem', async () => {
    render(
      <LocaleProvider locale="en" messages={ENGLISH_MESSAGES}>
        <DiagnosticList diagnostics={[longSms]} label="Problems" />
      </LocaleProvider>,
    );
    expect(
      await screen.findByText('The text is 200 characters in GSM-7 and will be sent as 2 parts.'),
    ).toBeVisible();
    expect(screen.queryByText(longSms.message)).toBeNull();
  });
});
