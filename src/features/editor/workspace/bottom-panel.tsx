import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { PanelErrorBoundary } from '../../../ui/panel-error-boundary.tsx';
import type { JourneyDocument } from '../../../domain/index.ts';
import { PANEL_LIMITS, usePanelLayout } from '../layout/panel-layout.ts';
import { ResizeHandle } from '../layout/resize-handle.tsx';

export interface BottomPanelProps {
  label: string;
  open: boolean;
  /** A failed panel is drawn again when the journey changes. */
  document: JourneyDocument;
  /** The canvas changed height: the page places the journey again. */
  onCanvasResized(): void;
  children: ReactNode;
}

/** The panel under the canvas (the simulation): resizable, collapsible to a bar. */
export function BottomPanel({
  label,
  open,
  document,
  onCanvasResized,
  children,
}: BottomPanelProps) {
  const intl = useIntl();
  const [layout, setLayout] = usePanelLayout();
  return (
    <>
      {open && !layout.drawerCollapsed && (
        <ResizeHandle
          label={intl.formatMessage(
            { id: 'editor.editor-workspace.resizeThePanel' },
            { panel: label },
          )}
          value={layout.drawerHeight}
          {...PANEL_LIMITS.drawerHeight}
          grows="up"
          onChange={(drawerHeight) => setLayout({ drawerHeight })}
        />
      )}
      <section
        id="editor-bottom-panel"
        className="editor-bottom"
        aria-label={label}
        hidden={!open}
        style={layout.drawerCollapsed ? undefined : { height: layout.drawerHeight }}
      >
        <div className="editor-bottom-bar">
          <h2 className="editor-bottom-title">{label}</h2>
          {layout.drawerCollapsed && (
            <span className="muted">
              <FormattedMessage id="editor.editor-workspace.collapsedCountsStayOnTheCanvas" />
            </span>
          )}
          <button
            type="button"
            className="btn btn-sm editor-bottom-toggle"
            aria-expanded={!layout.drawerCollapsed}
            aria-controls="editor-bottom-content"
            onClick={() => {
              setLayout({ drawerCollapsed: !layout.drawerCollapsed });
              onCanvasResized();
            }}
          >
            {layout.drawerCollapsed ? (
              <FormattedMessage id="editor.editor-workspace.expand" />
            ) : (
              <FormattedMessage id="editor.editor-workspace.collapse" />
            )}
          </button>
        </div>
        {/* Collapsed, the panel stays mounted: its run and its choices are kept. */}
        <div
          id="editor-bottom-content"
          className="editor-bottom-content"
          hidden={layout.drawerCollapsed}
        >
          <PanelErrorBoundary
            label={intl.formatMessage({ id: 'editor.editor-workspace.thePanel' }, { panel: label })}
            resetKeys={[document]}
          >
            {children}
          </PanelErrorBoundary>
        </div>
      </section>
    </>
  );
}
