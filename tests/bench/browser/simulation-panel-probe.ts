// In-page halves of the simulation panel bench. Both run through `page.evaluate`, so each is
// self-contained: no imports, no closures over this module.

/** The mark the probe sets at the click on Run (for traces). */
export const CLICK_MARK = 'bench:click';

/** A main-thread task over 50 ms, timed from the click on Run. */
export interface LongTask {
  atMs: number;
  durationMs: number;
}

/** What one run measured. */
export interface RunFigures {
  /** The longest task from the click until the result settled; 0 when none was over 50 ms. */
  longestTaskMs: number;
  /** Click on Run → the first frame with the result drawn. */
  totalMs: number;
  /** Click on Run → the workers' merged result in the page (the app's performance mark). */
  resultMs: number;
  /** Click on Run → the run stored. */
  savedMs: number;
  tasks: LongTask[];
}

interface Probe {
  tasks: { start: number; duration: number }[];
  clickAt?: number;
  runningSeen: boolean;
  drawnAt?: number;
  observer: PerformanceObserver;
}

declare global {
  interface Window {
    __simulationProbe?: Probe;
  }
}

/**
 * Observes long tasks and watches, frame by frame after the next click, for the result of a new
 * run to be drawn: the progress bar came and went, the figures, both charts (plotted) and the counts on the canvas are on screen.
 */
export function armRunProbe(): void {
  window.__simulationProbe?.observer.disconnect();
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      probe.tasks.push({ start: e.startTime, duration: e.duration });
  });
  const probe: Probe = { tasks: [], runningSeen: false, observer };
  window.__simulationProbe = probe;
  observer.observe({ type: 'longtask', buffered: true });
  const drawn = (): boolean => {
    const panel = document.querySelector('.sim-panel');
    if (!panel || panel.querySelector('[role="progressbar"]')) return false;
    const figures = [...panel.querySelectorAll('.sim-charts figure')];
    const plotted = figures.filter((f) =>
      f.querySelector(
        '.series-plot .visx-bar, .series-plot .visx-area, .series-plot .visx-linepath',
      ),
    ).length;
    const counted = [...document.querySelectorAll('.react-flow__node')].some((n) =>
      /\d{1,3},\d{3}/.test(n.textContent),
    );
    return (
      figures.length >= 2 &&
      plotted === figures.length &&
      counted &&
      panel.querySelector('[role="group"][aria-label="Entered"]') !== null
    );
  };
  const watch = (time: number): void => {
    if (probe.clickAt === undefined) {
      requestAnimationFrame(watch);
      return;
    }
    if (!probe.runningSeen)
      probe.runningSeen = document.querySelector('.sim-panel [role="progressbar"]') !== null;
    if (probe.runningSeen && drawn()) probe.drawnAt = time;
    else requestAnimationFrame(watch);
  };
  document.addEventListener(
    'click',
    (event) => {
      probe.clickAt = event.timeStamp;
      performance.mark('bench:click', { startTime: event.timeStamp });
    },
    { capture: true, once: true },
  );
  requestAnimationFrame(watch);
}

/** The figures of the run the probe watched. */
export function readRunProbe(): RunFigures {
  const probe = window.__simulationProbe;
  if (probe?.clickAt === undefined || probe.drawnAt === undefined)
    throw new Error('the run probe saw no finished run');
  probe.observer.disconnect();
  const clickAt = probe.clickAt;
  const tasks = probe.tasks
    .filter((t) => t.start + t.duration > clickAt)
    .map((t) => ({ atMs: Math.round(t.start - clickAt), durationMs: Math.round(t.duration) }));
  // The app's marks (see use-simulation-runner.ts); the names are repeated here, as this
  // function runs in the page and imports nothing.
  const markAt = (name: string): number => {
    const marks = performance.getEntriesByName(name, 'mark');
    const mark = marks[marks.length - 1];
    return mark === undefined ? Number.NaN : Math.round(mark.startTime - clickAt);
  };
  return {
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.durationMs)),
    totalMs: Math.round(probe.drawnAt - clickAt),
    resultMs: markAt('wayfinder:simulation-result'),
    savedMs: markAt('wayfinder:simulation-saved'),
    tasks,
  };
}
