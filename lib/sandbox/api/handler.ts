import type { SandboxStore } from '../store/store';
import type { Mode } from '../store/records';

/** What every resource handler can use. */
export interface SandboxCore {
  /** The caller's view of the state: only the objects of the API key's owner (or the session's, on the hosted page). */
  store: SandboxStore;
  now(): number;
  appUrl: string;
  /** When set, the only origin redirect and webhook URLs may have (url-rule.ts). */
  allowedOrigin?: string;
  /** Records an event and hands it to webhook delivery (which runs in the background). */
  emit(type: string, test: boolean, data: unknown): Promise<void>;
}

export interface HandlerContext {
  core: SandboxCore;
  mode: Mode;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

/**
 * A handler's answer; `body: undefined` means an empty body (204). `warnings`: what was accepted although
 * Smartpay might refuse it, sent as `Sandbox-Warning` headers.
 */
export interface ApiResult {
  status: number;
  body?: unknown;
  warnings?: string[];
}

export type Handler = (ctx: HandlerContext) => Promise<ApiResult>;

export const ok = (body: unknown, warnings: string[] = []): ApiResult =>
  warnings.length > 0 ? { status: 200, body, warnings } : { status: 200, body };

export const isTest = (mode: Mode) => mode === 'test';
