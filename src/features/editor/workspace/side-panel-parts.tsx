import { FormattedMessage } from 'react-intl';
import { onDemand } from '../../../ui/on-demand.tsx';
import { PART_LOADING_ATTRIBUTE } from '../layout/focus-first.ts';
import type { SettingsPanelProps } from '../inspector/settings-panel.tsx';
import type { StepInspectorProps } from '../inspector/step-inspector.tsx';
import type { ProblemsListProps } from '../problems/problems-list.tsx';
// The parts' styles come first, so a part takes its place with no jump.
import '../inspector/inspector.css';
import '../problems/problems-list.css';

/*
 * What the side panel shows (the forms with their fields and condition builder, the problems
 * list) is not needed to draw the journey: each part is fetched when first shown (the journey's
 * settings, right as the editor opens), or earlier when the editor is idle.
 */

export const settingsPanel = onDemand<SettingsPanelProps>(() =>
  import('../inspector/settings-panel.tsx').then((m) => m.SettingsPanel),
);

export const stepInspector = onDemand<StepInspectorProps>(() =>
  import('../inspector/step-inspector.tsx').then((m) => m.StepInspector),
);

export const problemsList = onDemand<ProblemsListProps>(() =>
  import('../problems/problems-list.tsx').then((m) => m.ProblemsList),
);

/**
 * Holds a part's place while its code arrives: marked, so focus sent into it waits for it
 * (focus-first.ts).
 */
export function SidePanelLoading({ problems = false }: { problems?: boolean }) {
  return (
    <section className="inspector" aria-busy="true" {...{ [PART_LOADING_ATTRIBUTE]: '' }}>
      <p className="muted">
        {problems ? (
          <FormattedMessage id="editor.editor-workspace.loadingTheProblems" />
        ) : (
          <FormattedMessage id="editor.editor-workspace.loadingTheSettings" />
        )}
      </p>
    </section>
  );
}
