/**
 * Lets queued messages (a cancel, a finished IndexedDB write) in before the work goes on, through a
 * message rather than a timer: browsers clamp timers nested past five levels to 4 ms, and a
 * forecast worker yields every replication and every 100 ms, so `setTimeout(0)` left each worker
 * idle for 4.6 ms a yield (measured in Chromium: 100 yields 459 ms by timer, 1.6 ms by message),
 * some 150 ms of a 3-second forecast. Not `scheduler.yield()`: its continuation runs ahead of
 * queued messages, which is what a worker yields for.
 */
export function yieldToMessages(): Promise<void> {
  if (typeof MessageChannel === 'undefined')
    return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      // Closed at once: an open port would keep a Node process (tests, benches) alive.
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
