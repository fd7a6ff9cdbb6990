// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createJourney, sequentialIds } from '../../../src/domain/index.ts';
import { createEditorStore } from '../../../src/editor/index.ts';
import { JourneyCanvas } from '../../../src/features/editor/canvas/journey-canvas.tsx';
import type { CanvasOverlay } from '../../../src/features/editor/canvas/flow-types.ts';

/** Event → If / else → (yes) Email, (no) SMS. */
function branchingStore() {
  const store = createEditorStore(
    createJourney('Trace', 0, () => 'j1'),
    { newId: sequentialIds('s') },
  );
  const add = (kind: string, x: number, y: number) => {
    store.dispatch('addStep', { kind, position: { x, y } });
    return store.getState().selection.stepIds[0] ?? '';
  };
  const trigger = add('event', 0, 0);
  const check = add('if_else', 320, 0);
  const email = add('email', 640, -100);
  const sms = add('sms', 640, 100);
  store.dispatch('connect', { from: trigger, branch: 'next', to: check });
  store.dispatch('connect', { from: check, branch: 'yes', to: email });
  store.dispatch('connect', { from: check, branch: 'no', to: sms });
  store.dispatch('clearSelection');
  return { store, ids: { trigger, check, email, sms } };
}

const face = (name: string) => {
  const node = screen.getByRole('group', { name });
  expect(node).toBeVisible();
  return node.querySelector('.step-node');
};
/** An arrow by its name, which goes on with its simulated count ("…: 0 in the simulation"). */
const arrow = (name: string) =>
  screen
    .getByRole('group', { name: (accessible) => accessible.startsWith(`${name}:`) })
    .querySelector('.react-flow__edge-path');

describe('JourneyCanvas path highlight', () => {
  it('lights the steps of a trace and the arrows between consecutive ones, dimming the rest', () => {
    const { store, ids } = branchingStore();
    const overlay: CanvasOverlay = {
      stepCounts: { [ids.trigger]: { entered: 1 }, [ids.check]: { entered: 1 } },
      connectionCounts: {},
      highlight: { stepIds: [ids.trigger, ids.check, ids.sms] },
    };
    render(
      <JourneyCanvas store={store} overlay={overlay} showPalette={false} showMiniMap={false} />,
    );

    expect(face('Event step: Event')).toHaveClass('is-path-on');
    expect(face('If / else step: If / else')).toHaveClass('is-path-on');
    expect(face('SMS step: SMS')).toHaveClass('is-path-on');
    expect(face('Email step: Email')).toHaveClass('is-path-off');

    expect(arrow('Connection from Event (Next) to If / else')).toHaveClass('is-path-on');
    expect(arrow('Connection from If / else (No) to SMS')).toHaveClass('is-path-on');
    expect(arrow('Connection from If / else (Yes) to Email')).toHaveClass('is-path-off');
  });

  it('draws no highlight classes without a trace, and clears them when the trace goes', () => {
    const { store, ids } = branchingStore();
    const counts: CanvasOverlay = { stepCounts: {}, connectionCounts: {} };
    const { rerender } = render(
      <JourneyCanvas
        store={store}
        overlay={{ ...counts, highlight: { stepIds: [ids.trigger, ids.check, ids.email] } }}
        showPalette={false}
        showMiniMap={false}
      />,
    );
    expect(face('Email step: Email')).toHaveClass('is-path-on');
    expect(arrow('Connection from If / else (Yes) to Email')).toHaveClass('is-path-on');

    rerender(
      <JourneyCanvas store={store} overlay={counts} showPalette={false} showMiniMap={false} />,
    );
    for (const name of ['Event step: Event', 'Email step: Email', 'SMS step: SMS']) {
      expect(face(name)).not.toHaveClass('is-path-on');
      expect(face(name)).not.toHaveClass('is-path-off');
    }
    expect(arrow('Connection from If / else (Yes) to Email')).not.toHaveClass('is-path-on');
    expect(arrow('Connection from If / else (No) to SMS')).not.toHaveClass('is-path-off');
  });
});
