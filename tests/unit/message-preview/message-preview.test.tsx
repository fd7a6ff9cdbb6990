// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Profile, StepKind } from '../../../src/domain/index.ts';
import { MessagePreview } from '../../../src/features/editor/inspector/message-preview/message-preview.tsx';

function profile(
  id: string,
  attributes: Partial<Profile['attributes']>,
  events: Profile['events'] = [],
): Profile {
  return { id, attributes: { consent: {}, tags: [], custom: {}, ...attributes }, events };
}

const PROFILES = [
  profile('p1', { name: 'Ann Lee', plan: 'plus' }, [
    { name: 'order_placed', at: 1, props: { orderId: 'A-1' } },
  ]),
  profile('p2', { name: 'Bo Chan' }, [{ name: 'order_placed', at: 2, props: { orderId: 'B-2' } }]),
  profile('p3', { name: 'Cy Diaz', plan: 'basic' }),
];
const JOURNEY = { id: 'j1', name: 'Welcome', unsubscribeUrl: 'https://example.test/u' };

function show(kind: StepKind, config: unknown, random = () => 0.99) {
  return render(
    <MessagePreview
      kind={kind}
      config={config}
      profiles={PROFILES}
      profileSetName="Demo customers"
      triggerEvent="order_placed"
      journey={JOURNEY}
      random={random}
    />,
  );
}

describe('MessagePreview', () => {
  it('shows an email as an inbox line and a sandboxed, sanitised body for the chosen profile', async () => {
    show('email', {
      subject: 'Welcome, {{ profile.name }}',
      preheader: 'Order {{ event.orderId }}',
      body: '<p>Hi {{ profile.name }}</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="{{ journey.unsubscribe_url }}">Unsubscribe</a>',
      from: 'Northwind <hi@northwind.example>',
      templateName: '',
    });
    const inbox = screen.getByLabelText('Inbox line');
    expect(inbox).toHaveTextContent('Welcome, Ann Lee');
    expect(inbox).toHaveTextContent('Order A-1');
    const frame = screen.getByTitle('Email body');
    expect(frame).toHaveAttribute('sandbox', '');
    const doc = frame.getAttribute('srcdoc') ?? '';
    expect(doc).toContain('<p>Hi Ann Lee</p>');
    expect(doc).toContain('href="https://example.test/u"');
    expect(doc).not.toContain('<script');
    expect(doc).not.toContain('onerror');

    await userEvent.selectOptions(screen.getByLabelText('Profile from Demo customers'), 'p2');
    expect(screen.getByLabelText('Inbox line')).toHaveTextContent('Welcome, Bo Chan');
  });

  it('shows an SMS with its encoding and parts, which an emoji changes', () => {
    const { rerender } = show('sms', {
      text: 'Hi {{ profile.name }}, 20% off today. Reply STOP to opt out',
    });
    const facts = screen.getByLabelText('SMS encoding');
    expect(screen.getByText('Hi Ann Lee, 20% off today. Reply STOP to opt out')).toBeVisible();
    expect(within(facts).getByText('GSM-7')).toBeVisible();
    expect(within(facts).getByText('1')).toBeVisible();
    rerender(
      <MessagePreview
        kind="sms"
        config={{ text: `Hi {{ profile.name }}, ${'x'.repeat(50)} 🎉 Reply STOP to opt out` }}
        profiles={PROFILES}
        profileSetName="Demo customers"
        triggerEvent="order_placed"
        journey={JOURNEY}
      />,
    );
    const after = screen.getByLabelText('SMS encoding');
    expect(within(after).getByText('UCS-2')).toBeVisible();
    expect(within(after).getByText('2')).toBeVisible();
    expect(screen.getByText(/UCS-2 because of: 🎉/)).toBeVisible();
  });

  it('shows a push as a lock screen, cut to fit', () => {
    show('push', { title: 'Hi {{ profile.name }}', body: 'y'.repeat(400), deepLink: '' });
    const lock = screen.getByRole('figure', { name: 'Lock screen' });
    expect(within(lock).getByText('Hi Ann Lee')).toBeVisible();
    expect(within(lock).getByText(/^y+…$/)).toBeVisible();
    expect(within(lock).getByText('Cut to fit the lock screen.')).toBeVisible();
  });

  it('shows the other channels as text, and a broken template as an error with its place', () => {
    show('call_centre_task', {
      queue: 'q',
      priority: 'normal',
      script: 'Call {{ profile.name }} about {% if %}',
    });
    expect(screen.getByRole('list', { name: 'Cannot render' })).toHaveTextContent(
      /^script, line 1, column \d+ \(Liquid says: “.+”\)$/,
    );
  });

  it('picks a random profile, and one missing a field the message prints', async () => {
    show('sms', { text: 'Your {{ profile.plan }} plan. STOP' });
    expect(screen.getByText('Your plus plan. STOP')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'A random one' }));
    expect(screen.getByLabelText('Profile from Demo customers')).toHaveValue('p3');
    expect(screen.getByText('Your basic plan. STOP')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'One missing a field' }));
    expect(screen.getByLabelText('Profile from Demo customers')).toHaveValue('p2');
    expect(screen.getByRole('status')).toHaveTextContent('Bo Chan · p2 has no profile.plan.');
    expect(screen.getByText('Your  plan. STOP', { normalizer: (s) => s })).toBeVisible();
  });

  it('says so when every profile has every printed field', async () => {
    show('sms', { text: 'Hi {{ profile.name }} STOP' });
    await userEvent.click(screen.getByRole('button', { name: 'One missing a field' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Every profile in Demo customers has every field',
    );
  });
});
