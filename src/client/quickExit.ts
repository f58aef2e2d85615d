/**
 * Quick exit, for someone whose abuser may see the screen: the button (and Esc anywhere on the
 * page) replaces the page with a neutral site at once, leaves no conversation in the browser,
 * and asks the server to delete it (keepalive: the request outlives the page).
 */
export interface QuickExitTarget {
  /** The conversation token, if there is a conversation. */
  token(): string | null;
  endUrl: string;
  exitUrl: string;
  /** Forget everything on the page and in storage. */
  forget(): void;
}

export function quickExit(target: QuickExitTarget): void {
  const token = target.token();
  if (token) {
    fetch(target.endUrl, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` }, keepalive: true }).catch(() => undefined);
  }
  target.forget();
  try {
    sessionStorage.clear();
  } catch {
    // storage may be off
  }
  document.body.replaceChildren();
  // Inside a county site's iframe, leave the whole site, not just the frame (allowed after a tap).
  // (Esc gives no user activation, so the browser may refuse that: our own frame goes anyway.)
  try {
    if (window.top && window.top !== window) window.top.location.replace(target.exitUrl);
  } catch {
    // cross-origin top without permission
  }
  location.replace(target.exitUrl);
}

export function wireQuickExit(button: HTMLElement | null, target: QuickExitTarget): void {
  button?.addEventListener('click', () => quickExit(target));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) quickExit(target);
  });
}
