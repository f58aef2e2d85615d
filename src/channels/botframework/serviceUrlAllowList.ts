/**
 * Without credentials the Bot Framework SDK trusts any request, and would post replies to any
 * `serviceUrl` a caller names. Only URLs whose origin is on the allow-list are accepted, so nobody
 * can make the bot send traffic to an arbitrary host.
 *
 * Entries are origins (`https://smba.trafficmanager.net`) or loopback prefixes (`http://localhost`,
 * which allows any port on that host).
 */
/**
 * Each allow-list's entries parsed once, not per request, and its last verdicts by serviceUrl: a
 * channel sends the same few serviceUrls on every turn. Bounded, so a flood of made-up URLs only
 * empties it. An unparsable entry allows nothing.
 */
interface ParsedList {
  entries: (URL | null)[];
  verdicts: Map<string, boolean>;
}
const MAX_VERDICTS = 256;
const parsedLists = new WeakMap<readonly string[], ParsedList>();

function parsedList(allowList: readonly string[]): ParsedList {
  let parsed = parsedLists.get(allowList);
  if (!parsed) {
    const entries = allowList.map((entry) => {
      try {
        return new URL(entry);
      } catch {
        return null;
      }
    });
    parsed = { entries, verdicts: new Map() };
    parsedLists.set(allowList, parsed);
  }
  return parsed;
}

export function isServiceUrlAllowed(serviceUrl: unknown, allowList: readonly string[]): boolean {
  if (typeof serviceUrl !== 'string') return false;
  const list = parsedList(allowList);
  let verdict = list.verdicts.get(serviceUrl);
  if (verdict === undefined) {
    verdict = judge(serviceUrl, list.entries);
    if (list.verdicts.size >= MAX_VERDICTS) list.verdicts.clear();
    list.verdicts.set(serviceUrl, verdict);
  }
  return verdict;
}

function judge(serviceUrl: string, entries: (URL | null)[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return entries.some((allowed) => {
    if (!allowed) return false;
    if (allowed.protocol !== url.protocol || allowed.hostname !== url.hostname) return false;
    // An entry without a port allows every port on that host (the Emulator picks one at random).
    return allowed.port === '' || allowed.port === url.port;
  });
}
