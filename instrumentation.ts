/**
 * Runs once when the server starts, before it serves: a bad environment variable or an unreachable
 * database stops start-up here with a clear message, and migrations are applied. Then the checkout's
 * `Server-Timing` is hooked into the server's answers (lib/server-timing.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkAtStartup } = await import('./lib/startup-check');
    await checkAtStartup();
    const { installServerTiming } = await import('./lib/server-timing');
    installServerTiming();
  }
}
