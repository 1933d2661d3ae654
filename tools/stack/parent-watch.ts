/**
 * Preloaded into the API and the worker by `npm start` (`node --require …/parent-watch.js main.js`,
 * spawned with an IPC channel): when the orchestrator goes away in any way, SIGKILL included, the channel
 * closes and the app stops itself with the same SIGTERM the orchestrator would have sent (the worker
 * still drains), with a hard exit if that takes too long. Nothing is loaded when there is no channel
 * (the app started on its own, in Docker, in tests). No signal listeners here: Nest re-raises the signal
 * after its shutdown and relies on the default action to end the process.
 */
export {};

const HARD_EXIT_MS = 15_000;

if (process.channel && process.send) {
  process.once('disconnect', () => {
    setTimeout(() => process.exit(1), HARD_EXIT_MS).unref();
    process.kill(process.pid, 'SIGTERM');
  });
  // The channel alone must not keep an app alive that has otherwise finished.
  process.channel.unref();
}
