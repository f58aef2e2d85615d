/**
 * Without credentials the Bot Framework SDK trusts any request, and would post replies to any
 * `serviceUrl` a caller names. Only URLs whose origin is on the allow-list are accepted, so nobody
 * can make the bot send traffic to an arbitrary host.
 *
 * Entries are origins (`https://smba.trafficmanager.net`) or loopback prefixes (`http://localhost`,
 * which allows any port on that host).
 */
export function isServiceUrlAllowed(serviceUrl: unknown, allowList: readonly string[]): boolean {
  if (typeof serviceUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return allowList.some((entry) => {
    let allowed: URL;
    try {
      allowed = new URL(entry);
    } catch {
      return false;
    }
    if (allowed.protocol !== url.protocol || allowed.hostname !== url.hostname) return false;
    // An entry without a port allows every port on that host (the Emulator picks one at random).
    return allowed.port === '' || allowed.port === url.port;
  });
}
