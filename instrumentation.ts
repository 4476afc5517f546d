/**
 * Runs once when the server starts: a bad environment variable stops start-up here,
 * with a message naming the variable, instead of failing on the first checkout.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigAtStartup } = await import('./lib/startup-check');
    checkConfigAtStartup();
  }
}
