// Browser bench for the profile screens where a strategist waits (issue 20), in real headless
// Chromium against the demo build: a 100,000-profile set is generated through the app, then its
// page is opened (click → first rows drawn), its table scrolled at once, while the rest of the set
// is still read, and again once it is all read (longest main-thread task each time), sorted by
// name (click → sorted rows drawn, and the longest task meanwhile), and a profile's page opened
// twice (click → value thermometer drawn; the second visit may use a cached fit).
// Run: npx tsx tests/bench/browser/profile-pages.ts   (BENCH_ROUNDS=n, default 3)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from '@playwright/test';
import {
  generateProfiles,
  openDemoApp,
  printMsRows,
  rowsOfMedianRounds,
  type MsRow,
} from './bench-harness.ts';
import { profileDuring } from './cpu-profile.ts';
import { tracedTasks } from './task-trace.ts';

const PROFILES = 100_000;
const log = (line: string) => {
  if (process.env.BENCH_VERBOSE) process.stderr.write(`${line}\n`);
};
const SET_NAME = 'Synthetic 100k';

interface RoundFigures {
  setFirstRowsMs: number;
  scrollLongestTaskMs: number;
  scrollReadLongestTaskMs: number;
  /** The longest main-thread task's thread CPU time in each of the three (see task-trace.ts). */
  scrollCpuMs: number;
  scrollReadCpuMs: number;
  sortCpuMs: number;
  sortMs: number;
  sortLongestTaskMs: number;
  profileFirstVisitMs: number;
  profileSecondVisitMs: number;
}

/** Milliseconds from a click on `link` until `ready` holds in the page, timed in the page. */
async function clickAndTime(page: Page, link: Locator, readySelector: string): Promise<number> {
  await page.evaluate((selector) => {
    const w = window as unknown as { __benchReady?: Promise<number> };
    w.__benchReady = new Promise<number>((resolve) => {
      document.addEventListener(
        'click',
        (event) => {
          const clickAt = event.timeStamp;
          const watch = (time: number) => {
            if (document.querySelector(selector)) resolve(time - clickAt);
            else requestAnimationFrame(watch);
          };
          requestAnimationFrame(watch);
        },
        { capture: true, once: true },
      );
    });
  }, readySelector);
  await link.click();
  await page.locator(readySelector).first().waitFor({ timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { __benchReady: Promise<number> }).__benchReady);
}

/** Starts recording the page's long tasks. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __benchTasks: number[]; __benchObserver: PerformanceObserver };
    w.__benchTasks = [];
    w.__benchObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__benchTasks.push(entry.duration);
    });
    w.__benchObserver.observe({ type: 'longtask' });
  });
}

/** Stops recording; the longest task recorded (0: none over 50 ms). */
function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __benchTasks: number[]; __benchObserver: PerformanceObserver };
    w.__benchObserver.disconnect();
    return Math.max(0, ...w.__benchTasks);
  });
}

/** Scrolls the profile table for about two seconds; the longest main-thread task meanwhile. */
async function scrollLongestTask(page: Page, direction = 1): Promise<number> {
  await watchLongTasks(page);
  const body = page.locator('.ptable-body');
  await body.hover();
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, direction * 1_500);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(500);
  return longestTask(page);
}

/** Sorts the table by name: click → sorted rows drawn, and the longest task meanwhile. */
async function sortByName(page: Page): Promise<{ ms: number; longestTaskMs: number }> {
  await watchLongTasks(page);
  const ms = await clickAndTime(
    page,
    page.getByRole('button', { name: 'Name' }),
    '.ptable[aria-busy="false"] [aria-sort="ascending"]',
  );
  await page.waitForTimeout(300);
  return { ms, longestTaskMs: await longestTask(page) };
}

async function measureRound(browser: Browser, url: string): Promise<RoundFigures> {
  const traced = <T>(page: Page, action: () => Promise<T>) => tracedTasks(browser, page, action);
  const { context, page, errors } = await openDemoApp(browser, url, 'Welcome series');
  try {
    await generateProfiles(page, PROFILES);
    log('generated');
    const setFirstRowsMs = await clickAndTime(
      page,
      page.getByRole('link', { name: SET_NAME, exact: true }).first(),
      '.ptable-body [role="row"]',
    );
    await page.locator('.match-count').filter({ hasText: '100,000 profiles' }).waitFor();
    log(`set page: first rows after ${setFirstRowsMs.toFixed(0)} ms`);
    const scroll = process.env.BENCH_PROFILE
      ? await profileDuring(page, () => scrollLongestTask(page)).then(({ result, report }) => {
          process.stderr.write(`scrolling: longest task ${result} ms\n${report.join('\n')}\n`);
          return { result, longestCpuMs: Number.NaN };
        })
      : await traced(page, () => scrollLongestTask(page));
    const scrollLongestTaskMs = scroll.result;
    log(`scrolling: longest task ${scrollLongestTaskMs} ms, ${scroll.longestCpuMs} ms CPU`);
    log('scrolled');
    // The whole set read: the status is the count alone.
    await page
      .locator('.match-count')
      .filter({ hasText: /^100,000 profiles$/ })
      .waitFor();
    const scrollRead = await traced(page, () => scrollLongestTask(page, -1));
    const scrollReadLongestTaskMs = scrollRead.result;
    log(`scrolling once read: ${scrollReadLongestTaskMs} ms, ${scrollRead.longestCpuMs} ms CPU`);
    const sorted = await traced(page, () => sortByName(page));
    const sort = sorted.result;
    log(`sorted by name in ${sort.ms.toFixed(0)} ms; ${sorted.longestCpuMs} ms CPU`);
    const profileLink = page.locator('.ptable-body [role="row"] a').first();
    // Fitted and drawn: anything under the heading but the "Fitting…" status (a value, or why
    // there is none for this profile).
    const thermometerDrawn = '.clv-thermometer > :not(h3):not([role="status"])';
    const profileFirstVisitMs = await clickAndTime(page, profileLink, thermometerDrawn);
    await page.goBack();
    await page.locator('.ptable-body [role="row"]').first().waitFor();
    const profileSecondVisitMs = await clickAndTime(page, profileLink, thermometerDrawn);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    return {
      setFirstRowsMs,
      scrollLongestTaskMs,
      scrollReadLongestTaskMs,
      scrollCpuMs: scroll.longestCpuMs,
      scrollReadCpuMs: scrollRead.longestCpuMs,
      sortCpuMs: sorted.longestCpuMs,
      sortMs: sort.ms,
      sortLongestTaskMs: sort.longestTaskMs,
      profileFirstVisitMs,
      profileSecondVisitMs,
    };
  } finally {
    await context.close();
  }
}

/** Medians over `rounds` fresh browser contexts (fresh IndexedDB each). */
export function runProfilePagesBench(rounds = 3): Promise<MsRow[]> {
  return rowsOfMedianRounds(rounds, measureRound, (m) => {
    return [
      {
        name: 'a 100,000-profile set: click → first rows drawn',
        value: m((s) => s.setFirstRowsMs),
        target: 300,
      },
      {
        name: 'scrolling that table while the rest is read: longest task over 50 ms (0: none)',
        value: m((s) => s.scrollLongestTaskMs),
        target: 50,
      },
      {
        name: 'the same, once the whole set is read',
        value: m((s) => s.scrollReadLongestTaskMs),
        target: 50,
      },
      {
        name: 'sort that table by name: click → sorted rows drawn',
        value: m((s) => s.sortMs),
        target: null,
      },
      {
        name: 'the same: longest main-thread task over 50 ms (0: none)',
        value: m((s) => s.sortLongestTaskMs),
        target: 50,
      },
      {
        name: 'the longest main-thread task of the scrolls and the sort, in thread CPU time',
        value: m((s) => Math.max(s.scrollCpuMs, s.scrollReadCpuMs, s.sortCpuMs)),
        target: 50,
      },
      {
        name: "a profile's page with the value thermometer (100,000-profile set), first visit",
        value: m((s) => s.profileFirstVisitMs),
        target: 300,
      },
      {
        name: 'the same, second visit',
        value: m((s) => s.profileSecondVisitMs),
        target: 300,
      },
    ];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printMsRows(await runProfilePagesBench(Number(process.env.BENCH_ROUNDS ?? 3)));
}
