import { ConfigError, getConfig } from '@/lib/config';
import { getDatabase } from '@/lib/db/client';
import { purgeDemoOrders } from '@/lib/orders/purge';
import { schedulePurge } from '@/lib/retention';
import { closeDatabaseOnShutdown, installShutdown, onShutdown } from '@/lib/shutdown';
import { getSecrets } from '@/lib/secrets';

/**
 * Runs once when the server starts: validates the environment, then opens the database, applies
 * pending migrations and resolves the secrets, so the shop serves only with a valid configuration and an
 * up-to-date schema. On the public demo it also starts the purge of old orders.
 * Exits with the problem stated when either fails.
 */
export async function checkAtStartup(): Promise<void> {
  try {
    const config = getConfig();
    console.info(`[config] Smartpay mode: ${config.mode}; API base: ${config.smartpay.apiBase}; shop: ${config.appUrl}`);
    const database = await getDatabase();
    installShutdown({ drainMs: config.production ? config.shutdownDrainSeconds * 1000 : 0 });
    closeDatabaseOnShutdown(() => database.close());
    console.info(`[database] ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}: migrations applied`);
    const secrets = await getSecrets();
    if (secrets.generated.length > 0) {
      console.info(`[secrets] not in the environment, so generated once and kept in the database: ${secrets.generated.join(', ')}`);
    }
    if (!secrets.webhookSecret) {
      console.warn('[config] SMARTPAY_WEBHOOK_SECRET is not set: Smartpay webhooks will be refused until it is');
    }
    if (config.publicDemo) {
      const hours = config.demoRetentionHours;
      console.info(`[purge] public demo: orders older than ${hours} h are deleted`);
      const stopPurge = schedulePurge('purge', hours, async (cutoff) => {
        const purged = await purgeDemoOrders(database.db, cutoff);
        if (purged && purged.orders + purged.webhookEvents > 0) {
          console.info(`[purge] deleted ${purged.orders} orders and ${purged.webhookEvents} webhook events older than ${hours} h`);
        }
      });
      onShutdown('order purge', stopPurge);
    }
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error('[database] could not be opened or migrated:', error);
    process.exit(1);
  }
}
