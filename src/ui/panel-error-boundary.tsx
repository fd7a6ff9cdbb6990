import { FormattedMessage } from 'react-intl';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isChunkLoadError } from './chunk-load-error.ts';

export interface PanelErrorBoundaryProps {
  /** Names the panel in the message: "The simulation panel could not be shown." */
  label: string;
  /** When any of these change (another step selected, another document), the panel tries again. */
  resetKeys?: readonly unknown[];
  children: ReactNode;
}

interface State {
  failed: boolean;
  /** The panel's code is gone (a newer build replaced it): trying again cannot help, a reload does. */
  stale?: boolean;
  keys: readonly unknown[] | undefined;
}

const sameKeys = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.length === b.length &&
    a.every((k, i) => Object.is(k, b[i])));

/**
 * Keeps a failure inside one panel: the rest of the page (and the user's work) stays usable,
 * and the panel offers to try again.
 */
export class PanelErrorBoundary extends Component<PanelErrorBoundaryProps, State> {
  override state: State = { failed: false, keys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, stale: isChunkLoadError(error) };
  }

  static getDerivedStateFromProps(
    props: PanelErrorBoundaryProps,
    state: State,
  ): Partial<State> | null {
    if (sameKeys(props.resetKeys, state.keys)) return null;
    return { failed: false, keys: props.resetKeys };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Left in the console for whoever reports the problem; the user sees the panel's message.
    console.warn(`${this.props.label} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    if (this.state.stale)
      return (
        <div role="alert" className="panel-error">
          <p>
            <FormattedMessage id="shell.newVersion.body" />
          </p>
          <button type="button" className="btn btn-sm" onClick={() => window.location.reload()}>
            <FormattedMessage id="shell.routeError.reload" />
          </button>
        </div>
      );
    return (
      <div role="alert" className="panel-error">
        <p>
          {this.props.label} <FormattedMessage id="ui.panel-error-boundary.couldNotBeShownYour" />
        </p>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => this.setState({ failed: false })}
        >
          <FormattedMessage id="ui.panel-error-boundary.tryAgain" />
        </button>
      </div>
    );
  }
}
