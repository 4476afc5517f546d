// A shopper without JavaScript: a cart cookie, the checkout page, the checkout form posted exactly as a
// browser posts a React server-action form, and the shop's status route.
import { CookieJar, request } from './http.mjs';

export const PRODUCTS = ['p_sencha', 'p_hojicha', 'p_matcha_set', 'p_genmaicha', 'p_mino_rice_bowl', 'p_arita_plate', 'p_chopsticks_set', 'p_kyusu', 'p_washi_notebook', 'p_tenugui'];
/** The shop's own key to the built-in sandbox, generated per deployment and kept in the shop's database. */
export async function shopSandboxKey(pool) {
  const { rows } = await pool.query(`SELECT value FROM shop_secrets WHERE name = 'sandbox_api_key'`);
  if (!rows[0]) throw new Error('the shop has not stored its sandbox key (shop_secrets.sandbox_api_key) yet');
  return rows[0].value;
}
const SESSION_PATH = /^\/sandbox\/checkout\/(checkout_test_[A-Za-z0-9_]+)$/;

const decodeEntities = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_, e) => {
    const named = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" }[e.toLowerCase()];
    if (named) return named;
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

function attributesOf(tag) {
  const attributes = {};
  for (const [, name, assignment, , dq, sq, bare] of tag.matchAll(/([^\s"'<>/=]+)(\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attributes[name.toLowerCase()] = assignment === undefined ? '' : decodeEntities(dq ?? sq ?? bare ?? '');
  }
  return attributes;
}

/**
 * The controls of the checkout form (`data-testid="checkout-form"`) in document order, as a browser
 * would submit them: hidden inputs with their values, other named inputs and selects by name.
 */
export function parseCheckoutForm(html) {
  const start = html.search(/<form\b[^>]*data-testid="checkout-form"/);
  if (start < 0) throw new Error('no checkout form in the page');
  const end = html.indexOf('</form>', start);
  const form = html.slice(start, end < 0 ? undefined : end);
  const formTag = attributesOf(form.match(/^<form\b[^>]*>/)[0].slice(5));
  const controls = [];
  for (const [tag, kind] of form.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    const a = attributesOf(tag.slice(kind.length + 1));
    if (!a.name || 'disabled' in a) continue;
    if (kind === 'input' && ['submit', 'button', 'reset', 'image', 'file'].includes(a.type)) continue;
    controls.push({ name: a.name, hidden: a.type === 'hidden', value: a.value ?? '' });
  }
  // The attempt token is `<attempt id>.<MAC binding it to this browser>`.
  const attemptId = controls.find((c) => c.name === 'attempt')?.value?.split('.')[0];
  if (!attemptId) throw new Error('no attempt in the checkout form');
  if (!controls.some((c) => c.hidden && c.name.startsWith('$ACTION_'))) throw new Error('no server-action fields in the checkout form');
  return { action: formTag.action ?? '', method: (formTag.method ?? 'GET').toUpperCase(), enctype: formTag.enctype, controls, attemptId };
}

/** The form's multipart body with the visible fields filled from `values` (empty when not given). */
export function formDataFor(form, values) {
  const data = new FormData();
  for (const control of form.controls) data.append(control.name, control.hidden ? control.value : (values[control.name] ?? ''));
  return data;
}

export const shopperDetails = (i) => ({
  email: `bench.shopper${i}@example.com`,
  familyName: '山田',
  givenName: `太郎${i}`,
  phone: '09012345678',
  postalCode: '150-0001',
  prefecture: '13',
  city: '渋谷区',
  line1: `神宮前1-2-${(i % 50) + 1}`,
});

/** A cart of 1–3 different products, chosen from the shopper's number. */
export function cartFor(i) {
  const lines = [];
  for (let k = 0; k < 1 + (i % 3); k++) lines.push({ productId: PRODUCTS[(i * 7 + k * 3) % PRODUCTS.length], quantity: 1 + ((i + k) % 3) });
  return lines;
}

export class Shopper {
  constructor(index, origin) {
    this.index = index;
    this.origin = origin;
    this.jar = new CookieJar();
    /** Every form submission: attemptId, reference, latency, HTTP status, and the session or form error. */
    this.attempts = [];
    this.jar.set('cart', encodeURIComponent(JSON.stringify(cartFor(index))));
  }

  /** GET /checkout and read its form. */
  async openCheckout() {
    const response = await request(`${this.origin}/checkout`, { jar: this.jar, headers: { accept: 'text/html' } });
    const html = await response.text();
    if (response.status !== 200) throw new CheckoutFailure(`GET /checkout answered ${response.status}`);
    this.useForm(parseCheckoutForm(html));
    if (this.form.method !== 'POST' || !/multipart\/form-data/i.test(this.form.enctype ?? '')) {
      throw new CheckoutFailure(`unexpected form: method ${this.form.method}, enctype ${this.form.enctype}`);
    }
  }

  /** The form to submit next (the checkout page's, or the one a form error answered with). */
  useForm(form) {
    this.form = form;
    this.reference = `SP-${form.attemptId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
  }

  /**
   * Posts the checkout form as a browser without JavaScript does; returns the latency, the sandbox session
   * and the `Server-Timing` header of the expected 303, or throws a CheckoutFailure.
   */
  async submitCheckout() {
    const target = new URL(this.form.action || '/checkout', `${this.origin}/checkout`);
    const started = performance.now();
    const response = await request(target, {
      method: 'POST',
      jar: this.jar,
      body: formDataFor(this.form, shopperDetails(this.index)),
      headers: { accept: 'text/html', origin: this.origin, referer: `${this.origin}/checkout` },
    });
    const body = await response.text();
    const ms = performance.now() - started;
    const location = response.headers.get('location');
    this.attempts.push({ attemptId: this.form.attemptId, reference: this.reference, ms, status: response.status });
    if (response.status !== 303 || !location) {
      const formError = body.match(/data-testid="checkout-error"[^>]*>(.*?)<\/div>/s)?.[1]?.replace(/<[^>]+>/g, '').trim();
      const failure = new CheckoutFailure(`POST /checkout answered ${response.status}${formError ? ` (${formError})` : ''}`, response.status);
      failure.ms = ms;
      if (response.status === 200 && formError) {
        failure.formError = formError;
        this.attempts.at(-1).formError = formError;
        try {
          failure.nextForm = parseCheckoutForm(body);
        } catch {
          // The answer has no form to submit again.
        }
      }
      throw failure;
    }
    const url = new URL(location, target);
    const match = url.pathname.match(SESSION_PATH);
    if (!match) throw new CheckoutFailure(`POST /checkout redirected to ${location}, not to a sandbox checkout page`, response.status);
    this.attempts.at(-1).sessionId = match[1];
    return { ms, sessionId: match[1], location: url.href, serverTiming: response.headers.get('server-timing') ?? undefined };
  }

  /** The shop's status route for this shopper's order, with this shopper's cookies. */
  async status(origin = this.origin) {
    const response = await request(`${origin}/api/checkouts/${encodeURIComponent(this.reference)}/status`, { jar: this.jar });
    const body = await response.json().catch(() => ({}));
    return { httpStatus: response.status, ...body };
  }
}

export class CheckoutFailure extends Error {
  constructor(message, httpStatus) {
    super(message);
    this.httpStatus = httpStatus;
  }
}

/**
 * Plays the shopper's approval as their browser does: the hosted page's form post, answered by a 303 to the
 * success URL (or, when the session was already approved, back to the page). Safe to repeat. With `pool`
 * (the shop's database), also reads the sandbox order with the shop's key: `{ redirectUrl, order }`.
 */
export async function approveSession(apiOrigin, sessionId, { pool } = {}) {
  const page = `${apiOrigin}/sandbox/checkout/${sessionId}`;
  const response = await request(`${page}/outcome`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'outcome=approve',
  });
  await response.arrayBuffer();
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) throw new CheckoutFailure(`approve ${sessionId} answered ${response.status}`, response.status);
  const redirectUrl = new URL(location, page).href;
  if (!pool) return { redirectUrl };
  const key = await shopSandboxKey(pool);
  const answer = await request(`${apiOrigin}/sandbox/v1/checkout-sessions/${sessionId}?expand=all`, { headers: { authorization: `Basic ${key}` } });
  const session = await answer.json().catch(() => ({}));
  if (answer.status !== 200) throw new CheckoutFailure(`reading session ${sessionId} answered ${answer.status} ${session.errorCode ?? ''}`.trim(), answer.status);
  return { redirectUrl, order: session.order };
}
