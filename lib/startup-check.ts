import { ConfigError, getConfig } from '@/lib/config';
import { purgeCheckoutDrafts } from '@/lib/checkout/drafts';
import { getDatabase } from '@/lib/db/client';
import { scheduleAbandonRule } from '@/lib/orders/abandon';
import { purgeDemoOrders } from '@/lib/orders/purge';
import { schedulePurge } from '@/lib/retention';
import { closeDatabaseOnShutdown, installShutdown, onShutdown } from '@/lib/shutdown';
import { getSecrets } from '@/lib/secrets';

/**
 * Runs once when the server starts: validates the environment, then opens the database, applies
 * pending migrations and resolves the secrets, so the shop serves only with a valid configuration and an
 * up-to-date schema. On the public demo it also starts the purge of old orders; in every mode, that of old
 * checkout drafts (lib/checkout/drafts.ts), with the same retention, and the timer that marks orders
 * unpaid for too long abandoned (lib/orders/abandon.ts).
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
    const hours = config.demoRetentionHours;
    if (config.publicDemo) {
      console.info(`[purge] public demo: orders and checkout drafts older than ${hours} h are deleted`);
      const stopPurge = schedulePurge('purge', hours, async (cutoff) => {
        const purged = await purgeDemoOrders(database.db, cutoff);
        if (purged && purged.orders + purged.webhookEvents + purged.checkoutDrafts > 0) {
          console.info(
            `[purge] deleted ${purged.orders} orders, ${purged.webhookEvents} webhook events and ${purged.checkoutDrafts} checkout drafts older than ${hours} h`,
          );
        }
      });
      onShutdown('order purge', stopPurge);
    } else {
      // Orders are the merchant's records outside the demo; what a shopper typed and never paid for is not.
      const stopPurge = schedulePurge('purge', hours, async (cutoff) => {
        const purged = await purgeCheckoutDrafts(database.db, cutoff);
        if (purged > 0) console.info(`[purge] deleted ${purged} checkout drafts older than ${hours} h`);
      });
      onShutdown('draft purge', stopPurge);
    }
    // Orders left unpaid too long become abandoned (lib/orders/abandon.ts, rule 2), in every mode.
    onShutdown('abandoned-order rule', scheduleAbandonRule(database.db, config.abandonUnpaidAfterHours));
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error('[database] could not be opened or migrated:', error);
    process.exit(1);
  }
}
