import { test as base, expect } from '@playwright/test';

/**
 * Playwright's test, failing any test during which a page logged a Content-Security-Policy violation
 * (Chromium reports each one on the console: "Refused to … because it violates the following Content
 * Security Policy directive …"). Every browser context of the test is watched, not only the first page's.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watch = async (c: typeof context) => {
        // Chromium logs most refusals itself; the event also catches those it reports only to the page.
        await c.addInitScript(() =>
          document.addEventListener('securitypolicyviolation', (event) =>
            console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`),
          ),
        );
        c.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
        });
      };
      await watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const created = await newContext(...args);
        await watch(created);
        return created;
      };
      await use(violations);
      browser.newContext = newContext;
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** True when the suite runs against a deployment given by BASE_URL rather than the server it starts itself. */
export const againstDeployment = Boolean(process.env.BASE_URL);

/**
 * Skips a flow that needs the settings of the suite's own server, saying which, when running against a
 * deployment. Such a flow is also tagged `@own-server`: `npm test` runs those on the suite's own server and
 * every other flow once, against a separately started production server.
 */
export function needsOwnServer(settings: string) {
  test.skip(againstDeployment, `needs the suite's own server (${settings}); BASE_URL points at a deployment`);
}
