// Content-Security-Policy violations a page reports, as they happen: the `securitypolicyviolation`
// event (in every document the page loads) and Chromium's console message for the same.
import type { Page } from 'playwright-core';

/** Starts watching `page`; `violations` (returned) fills with one line per violation. */
export async function watchCspViolations(page: Page, violations: string[] = []): Promise<string[]> {
  await page.exposeBinding('__reportCspViolation', (_source, line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation(line: string): void }).__reportCspViolation;
      report(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(`console: ${message.text()}`);
  });
  return violations;
}
