import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { JourneyDocument } from '../../../domain/index.ts';
import { PanelErrorBoundary } from '../../../ui/panel-error-boundary.tsx';
import { PANEL_LIMITS, usePanelLayout } from '../layout/panel-layout.ts';
import { ResizeHandle } from '../layout/resize-handle.tsx';
import type { SidePanelControl, SidePanelTab } from './use-side-panel.ts';

export interface SidePanelProps {
  side: SidePanelControl;
  document: JourneyDocument;
  /** The step selected alone, or null. */
  selectedStepId: string | null;
  /** A step's settings show, not the journey's: the first tab is named after them. */
  showsStep: boolean;
  problemCount: number;
  /** Escape from a step's settings: back to that step on the canvas. */
  onEscapeToStep(stepId: string): void;
  /** The current tab's content. */
  children: ReactNode;
}

/** One of the side panel's tabs, selected by a click. */
function SideTab({
  tab,
  side,
  children,
}: {
  tab: SidePanelTab;
  side: SidePanelControl;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={side.tab === tab}
      className="side-tab"
      onClick={() => side.setTab(tab)}
    >
      {children}
    </button>
  );
}

/** The panel on the right: resizable, hideable, with the settings and problems tabs. */
export function SidePanel({
  side,
  document,
  selectedStepId,
  showsStep,
  problemCount,
  onEscapeToStep,
  children,
}: SidePanelProps) {
  const intl = useIntl();
  const [layout, setLayout] = usePanelLayout();
  const { tab } = side;
  return (
    <>
      {layout.sideOpen && (
        <ResizeHandle
          label={intl.formatMessage({ id: 'editor.editor-workspace.resizeTheSidePanel' })}
          value={layout.sideWidth}
          {...PANEL_LIMITS.sideWidth}
          grows="left"
          onChange={(sideWidth) => setLayout({ sideWidth })}
        />
      )}
      <aside
        id="editor-side"
        className="editor-side"
        aria-label={intl.formatMessage({ id: 'editor.editor-workspace.stepAndJourneySettings' })}
        hidden={!layout.sideOpen}
        style={{ width: layout.sideWidth }}
      >
        <div className="side-head">
          <div
            className="side-tabs"
            role="tablist"
            aria-label={intl.formatMessage({ id: 'editor.editor-workspace.sidePanel' })}
          >
            <SideTab tab="inspector" side={side}>
              {showsStep ? (
                <FormattedMessage id="editor.editor-workspace.step" />
              ) : (
                <FormattedMessage id="editor.editor-workspace.journeySettings" />
              )}
            </SideTab>
            <SideTab tab="problems" side={side}>
              <FormattedMessage id="editor.editor-workspace.problems" />
              {problemCount > 0 && <span className="side-tab-count">{problemCount}</span>}
            </SideTab>
          </div>
          <button
            type="button"
            className="panel-toggle side-hide"
            aria-label={intl.formatMessage({ id: 'editor.editor-workspace.hideTheSidePanel' })}
            title={intl.formatMessage({ id: 'editor.editor-workspace.hideTheSidePanelShortcut' })}
            aria-expanded="true"
            aria-controls="editor-side"
            onClick={() => setLayout({ sideOpen: false })}
          >
            »
          </button>
        </div>
        <div
          id="editor-side-content"
          className="side-content"
          role="tabpanel"
          tabIndex={-1}
          ref={side.contentRef}
          onKeyDown={(event) => {
            // Escape from a step's settings goes back to the step on the canvas.
            if (event.key !== 'Escape' || event.defaultPrevented || selectedStepId === null) return;
            event.preventDefault();
            onEscapeToStep(selectedStepId);
          }}
        >
          <PanelErrorBoundary
            label={
              tab === 'problems'
                ? intl.formatMessage({ id: 'editor.editor-workspace.theProblemsList' })
                : intl.formatMessage({ id: 'editor.editor-workspace.theSettingsPanel' })
            }
            resetKeys={[tab, selectedStepId, document]}
          >
            {children}
          </PanelErrorBoundary>
        </div>
      </aside>
    </>
  );
}
