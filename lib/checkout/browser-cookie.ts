import 'server-only';
import { cookies } from 'next/headers';
import type { NextRequest, NextResponse } from 'next/server';
import { BROWSER_COOKIE, BROWSER_COOKIE_MAX_AGE, isBrowserId, newBrowserId } from '@/lib/checkout/browser-id';
import { cookieOptions } from '@/lib/cookie-options';

/** This browser's id, if it has one (proxy.ts gives one with the checkout page). */
export async function readBrowserId(): Promise<string | undefined> {
  const value = (await cookies()).get(BROWSER_COOKIE)?.value;
  return isBrowserId(value) ? value : undefined;
}

/** This browser's id, given now if it has none. Only callable from a server action or route handler. */
export async function ensureBrowserId(): Promise<string> {
  const existing = await readBrowserId();
  if (existing) return existing;
  const id = newBrowserId();
  (await cookies()).set(BROWSER_COOKIE, id, cookieOptions(BROWSER_COOKIE_MAX_AGE));
  return id;
}

/**
 * Runs in proxy.ts before the checkout page renders: a browser without an id gets one, for the page about
 * to render (on `request`) and, through the function returned, in the response proxy.ts makes, so the
 * attempt the page issues is bound to it.
 */
export function giveBrowserId(request: NextRequest): ((response: NextResponse) => void) | undefined {
  if (request.method !== 'GET' || isBrowserId(request.cookies.get(BROWSER_COOKIE)?.value)) return undefined;
  const id = newBrowserId();
  request.cookies.set(BROWSER_COOKIE, id);
  return (response) => response.cookies.set(BROWSER_COOKIE, id, cookieOptions(BROWSER_COOKIE_MAX_AGE));
}
