import 'server-only';

/**
 * A graceful stop on SIGTERM (and SIGINT). Next.js's own handler (`next start`) stops taking new
 * connections, lets the requests under way finish, then exits. The shop lets it do so: at the signal it
 * stops its background work (the tasks registered here: the sandbox's webhook deliveries under way, the
 * purge timers), and it holds Next.js's exit until that work is done and the database is closed, last,
 * when no request can need it any more. A stop that takes longer than `SHUTDOWN_LIMIT_MS` exits anyway.
 */

export const SHUTDOWN_LIMIT_MS = 20_000;

interface ShutdownState {
  tasks: { name: string; run: () => Promise<void> }[];
  closeDatabase?: () => Promise<void>;
  installed: boolean;
  started?: Promise<void>;
}

const GLOBAL_KEY = Symbol.for('smartpay-storefront.shutdown');
type WithShutdown = typeof globalThis & { [GLOBAL_KEY]?: ShutdownState };

function state(): ShutdownState {
  const holder = globalThis as WithShutdown;
  holder[GLOBAL_KEY] ??= { tasks: [], installed: false };
  return holder[GLOBAL_KEY];
}

/** Background work to stop at the signal; the exit waits for it (it runs beside the requests still under way). */
export function onShutdown(name: string, run: () => Promise<void> | void): void {
  state().tasks.push({ name, run: async () => run() });
}

/** How to close the database, after everything else. */
export function closeDatabaseOnShutdown(close: () => Promise<void>): void {
  state().closeDatabase = close;
}

/** Stops the registered background work; resolves when it is done (a failure is logged). */
export function stopBackgroundWork(reason: string): Promise<void> {
  const current = state();
  current.started ??= (async () => {
    console.info(`[shutdown] ${reason}: no new connections; finishing the requests and background work under way`);
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

/** Installs the signal handling once per process (see the top of this file). */
export function installShutdown(): void {
  const current = state();
  if (current.installed) return;
  current.installed = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      const background = stopBackgroundWork(signal);
      const exit = process.exit.bind(process);
      const limit = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_LIMIT_MS).unref());
      // Next.js calls process.exit once its server is closed and the requests under way have finished:
      // that exit waits for the background work, then for the database to close.
      process.exit = ((code?: number) => {
        void Promise.race([background.then(closeDatabase), limit]).finally(() => exit(code));
      }) as typeof process.exit;
    });
  }
}
