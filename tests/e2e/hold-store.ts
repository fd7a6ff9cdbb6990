import type { Page } from '@playwright/test';

/**
 * Holds one of the app's IndexedDB stores from another tab with a read-write transaction kept
 * busy, so the app's writes to it wait: what a slow disk or a busy database does. Tests use it
 * to keep the app in a state that would otherwise last only as long as the machine is slow.
 * Returns the release.
 */
export async function holdStore(blocker: Page, storeName: string): Promise<() => Promise<void>> {
  // A plain file of the app's origin: the app does not start in the blocking tab, so none of its
  // own start-up work (which reads these stores) can get stuck behind the hold.
  await blocker.goto('/data/cdnow/CDNOW_sample.txt');
  await blocker.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('wayfinder');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction(name, 'readwrite').objectStore(name);
          const flag = window as unknown as { release?: boolean };
          const spin = () => {
            if (flag.release !== true) store.get('none').onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
    storeName,
  );
  return async () => {
    await blocker.evaluate(() => {
      (window as unknown as { release?: boolean }).release = true;
    });
  };
}

/**
 * Watches the profile sets from another tab and, the moment a set named `setName` appears still
 * marked incomplete, holds the profileSets store (as {@link holdStore} does) in the same turn:
 * the import that created the set cannot commit (its last write needs that store) however fast
 * the machine runs it, while it was free to open the database and start before. Returns the set
 * as seen, and the release.
 */
export async function holdProfileSetsOnceStarted(
  blocker: Page,
  setName: string,
): Promise<{ set: { name: string; incomplete?: boolean }; release: () => Promise<void> }> {
  await blocker.goto('/data/cdnow/CDNOW_sample.txt');
  const set = await blocker.evaluate(
    (name) =>
      new Promise<{ name: string; incomplete?: boolean }>((resolve, reject) => {
        const open = indexedDB.open('wayfinder');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const look = () => {
            const sets = db.transaction('profileSets', 'readonly').objectStore('profileSets');
            const all = sets.getAll();
            all.onerror = () => reject(all.error);
            all.onsuccess = () => {
              const seen = (all.result as { name: string; incomplete?: boolean }[]).find(
                (s) => s.name === name,
              );
              if (seen === undefined) {
                setTimeout(look, 0);
                return;
              }
              const store = db.transaction('profileSets', 'readwrite').objectStore('profileSets');
              const flag = window as unknown as { release?: boolean };
              const spin = () => {
                if (flag.release !== true) store.get('none').onsuccess = spin;
              };
              spin();
              resolve(seen);
            };
          };
          look();
        };
      }),
    setName,
  );
  return {
    set,
    release: async () => {
      await blocker.evaluate(() => {
        (window as unknown as { release?: boolean }).release = true;
      });
    },
  };
}
