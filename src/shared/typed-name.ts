/**
 * Whether a signer's typed name is their name in the master: the server's rule (signing.service.ts),
 * shared so the signing page can say so before the request rather than after a round trip.
 */

/** Letters only, lower case, without common academic titles: how a typed name is compared. */
export function nameKey(name: string): string {
  return name
    .split(',')[0]!
    .replace(/\b(dr|drs|dra|ir|h|hj|prof|st)\.?\s/gi, ' ')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** The typed name matches when its letters match the master name's (titles and degrees aside), or it is the full name. */
export const typedNameMatches = (typed: string, name: string): boolean => nameKey(typed) === nameKey(name) || typed.trim().toLowerCase() === name.toLowerCase();
