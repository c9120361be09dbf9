import { setNonce } from "get-nonce";

/**
 * The nonce the server wrote into this copy of index.html (server/platform/http/security-headers.ts: its CSP has
 * no 'unsafe-inline', so a <style> element applies only with the nonce). Read from the element's `nonce`
 * property: browsers hide the attribute itself from the DOM, and so from CSS selectors, once the page has a CSP.
 */
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? "";

// Mantine's modals lock scrolling with react-remove-scroll, whose <style> element takes its nonce from
// get-nonce rather than from MantineProvider; without it the CSP refuses that style on every dialog.
setNonce(nonce);

/** For MantineProvider's getStyleNonce: every <style> element Mantine adds carries it. */
export function styleNonce(): string {
  return nonce;
}
