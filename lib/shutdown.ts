import 'server-only';

/**
 * A graceful stop on SIGTERM (and SIGINT).
 *
 * 1. Draining (SIGTERM in a production build): for `drainMs` the instance goes on serving, but its health
 *    route answers 503, so the load balancer stops sending it new requests (SHUTDOWN_DRAIN_SECONDS,
 *    longer than the balancer's health-check interval).
 * 2. Then Next.js's own handler (`next start`) stops taking connections, lets the requests under way
 *    finish, and exits. The shop stops its background work (the tasks registered here: the sandbox's
 *    webhook deliveries under way, the purge timers) and holds that exit until the work is done and the
 *    database is closed, last, when no request can need it any more. A stop that takes longer than
 *    `SHUTDOWN_LIMIT_MS` after draining exits anyway.
 */

export const SHUTDOWN_LIMIT_MS = 20_000;

interface ShutdownState {
  tasks: { name: string; run: () => Promise<void> }[];
  closeDatabase?: () => Promise<void>;
  installed: boolean;
  draining: boolean;
  started?: Promise<void>;
}

const GLOBAL_KEY = Symbol.for('smartpay-storefront.shutdown');
type WithShutdown = typeof globalThis & { [GLOBAL_KEY]?: ShutdownState };

function state(): ShutdownState {
  const holder = globalThis as WithShutdown;
  holder[GLOBAL_KEY] ??= { tasks: [], installed: false, draining: false };
  return holder[GLOBAL_KEY];
}

/** True from SIGTERM on: the health route says so, so no new request is sent here. */
export const isDraining = () => state().draining;

/** Background work to stop at the signal; the exit waits for it (it runs beside the requests still under way). */
export function onShutdown(name: string, run: () => Promise<void> | void): void {
  state().tasks.push({ name, run: async () => run() });
}

/** How to close the database, after everything else. */
export function closeDatabaseOnShutdown(close: () => Promise<void>): void {
  state().closeDatabase = close;
}

/** Stops the registered background work; resolves when it is done (a failure is logged). */
export function stopBackgroundWork(): Promise<void> {
  const current = state();
  current.started ??= (async () => {
    const results = await Promise.allSettled(current.tasks.map((task) => task.run()));
    results.forEach((result, i) => {
      if (result.status === 'rejected') console.error(`[shutdown] ${current.tasks[i]!.name} failed:`, result.reason);
    });
  })();
  return current.started;
}

/** Closes the database, once the server has closed and the background work is done. */
async function closeDatabase(): Promise<void> {
  await state().closeDatabase?.().catch((error: unknown) => console.error('[shutdown] closing the database failed:', error));
  console.info('[shutdown] requests and background work done, database closed');
}

/**
 * Installs the signal handling once per process (see the top of this file). It runs after Next.js has
 * installed its own handlers, which it takes over: they run after the drain.
 */
export function installShutdown(options: { drainMs: number }): void {
  const current = state();
  if (current.installed) return;
  current.installed = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const nextHandlers = process.listeners(signal);
    process.removeAllListeners(signal);
    process.once(signal, () => {
      const drainMs = signal === 'SIGTERM' ? options.drainMs : 0;
      current.draining = true;
      console.info(`[shutdown] ${signal}: ${drainMs ? `draining for ${drainMs} ms (health answers 503), then ` : ''}no new connections; finishing the requests and background work under way`);
      const exit = process.exit.bind(process);
      // Next.js calls process.exit once its server is closed and the requests under way have finished:
      // that exit waits for the background work, then for the database to close.
      process.exit = ((code?: number) => {
        const limit = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_LIMIT_MS).unref());
        void Promise.race([stopBackgroundWork().then(closeDatabase), limit]).finally(() => exit(code));
      }) as typeof process.exit;
      setTimeout(() => {
        void stopBackgroundWork();
        for (const handler of nextHandlers) (handler as (signal: NodeJS.Signals) => void)(signal);
        if (nextHandlers.length === 0) process.exit(signal === 'SIGTERM' ? 143 : 130);
      }, drainMs);
    });
  }
}
