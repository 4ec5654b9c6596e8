/**
 * The HTTP host's address carries the access token once (?token=…); after the page has loaded, its cookie
 * and the token in the page take over. Leaving it in the address bar would put it into the browser's
 * history, bookmarks and screenshots.
 */

/** The address without its ?token=… (path, other parameters and hash kept), or null when it has none. */
export function addressWithoutToken(href: string): string | null {
  const url = new URL(href);
  if (!url.searchParams.has('token')) return null;
  url.searchParams.delete('token');
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Replaces the address in place: no reload, no new history entry, the router's state kept. */
export function removeTokenFromAddress(location: Location, history: History): void {
  const clean = addressWithoutToken(location.href);
  if (clean !== null) history.replaceState(history.state, '', clean);
}
