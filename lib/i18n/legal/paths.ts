/** The addresses of the legal and help pages, the same in every language (proxy.ts serves them). */
export const legalPaths = {
  tokushoho: '/legal/tokushoho',
  privacy: '/legal/privacy',
  shipping: '/legal/shipping',
  contact: '/contact',
} as const;

export type LegalPage = keyof typeof legalPaths;
