/** See lib/security-policy.cjs. */
export function securityHeaderValues(options: { https: boolean; development: boolean; formAction: string[] }): Record<string, string>;
/** See lib/security-policy.cjs. */
export const EDITION_PAGE_CACHE_CONTROL: string;
