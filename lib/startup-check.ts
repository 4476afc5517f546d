import { ConfigError, getConfig } from '@/lib/config';

/** Validates the environment once at start-up; exits with the problems listed when it is invalid. */
export function checkConfigAtStartup(): void {
  try {
    const config = getConfig();
    console.info(`[config] Smartpay mode: ${config.mode}; API base: ${config.smartpay.apiBase}; shop: ${config.appUrl}`);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
