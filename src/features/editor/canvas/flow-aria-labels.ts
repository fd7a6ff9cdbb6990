import type { AriaLabelConfig } from '@xyflow/react';
import { defineMessages, type IntlShape } from 'react-intl';

const LABELS = defineMessages({
  nodeHelp: { id: 'editor.flow.nodeHelp' },
  nodeHelpNoKeyboard: { id: 'editor.flow.nodeHelpNoKeyboard' },
  edgeHelp: { id: 'editor.flow.edgeHelp' },
  controls: { id: 'editor.flow.controls' },
  zoomIn: { id: 'editor.flow.zoomIn' },
  zoomOut: { id: 'editor.flow.zoomOut' },
  fitView: { id: 'editor.flow.fitView' },
  interactive: { id: 'editor.flow.interactive' },
  minimap: { id: 'editor.flow.minimap' },
  handle: { id: 'editor.flow.handle' },
});

/** React Flow's own accessible names and hints (controls, node and edge help) in the user's language. */
export function flowAriaLabels(intl: IntlShape): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': intl.formatMessage(LABELS.nodeHelp),
    'node.a11yDescription.keyboardDisabled': intl.formatMessage(LABELS.nodeHelpNoKeyboard),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
      intl.formatMessage({ id: 'editor.flow.nodeMoved' }, { direction, x, y }),
    'edge.a11yDescription.default': intl.formatMessage(LABELS.edgeHelp),
    'controls.ariaLabel': intl.formatMessage(LABELS.controls),
    'controls.zoomIn.ariaLabel': intl.formatMessage(LABELS.zoomIn),
    'controls.zoomOut.ariaLabel': intl.formatMessage(LABELS.zoomOut),
    'controls.fitView.ariaLabel': intl.formatMessage(LABELS.fitView),
    'controls.interactive.ariaLabel': intl.formatMessage(LABELS.interactive),
    'minimap.ariaLabel': intl.formatMessage(LABELS.minimap),
    'handle.ariaLabel': intl.formatMessage(LABELS.handle),
  };
}
