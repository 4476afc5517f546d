/**
 * Where to send a shopper back to after a form of ours (the language switcher): the path and query of the
 * page they came from when it is a page of this host, else the home page. Never another site, not even
 * through a path that starts with `//` (which a browser reads as another host).
 */
export function sameOriginPath(referer: string | null, host: string | null): string {
  try {
    const url = new URL(referer ?? '');
    if (!host || url.host !== host) return '/';
    return `/${url.pathname.replace(/^\/+/, '')}${url.search}`;
  } catch {
    return '/';
  }
}
