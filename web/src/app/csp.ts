/**
 * The nonce the server wrote into this copy of index.html (server/platform/http/security-headers.ts: its CSP has
 * no 'unsafe-inline', so a <style> element applies only with the nonce). Read from the element's `nonce`
 * property: browsers hide the attribute itself from the DOM, and so from CSS selectors, once the page has a CSP.
 */
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? "";

/** For MantineProvider's getStyleNonce: every <style> element Mantine adds carries it. */
export function styleNonce(): string {
  return nonce;
}
