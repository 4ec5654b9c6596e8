import { describe, expect, it } from 'vitest';
import { addressWithoutToken, removeTokenFromAddress } from '../../src/renderer/api/address-token';

describe('the access token in the address bar', () => {
  it('is taken out, keeping the path, other parameters and the route', () => {
    expect(addressWithoutToken('http://127.0.0.1:4321/?token=abc#/entry')).toBe('/#/entry');
    expect(addressWithoutToken('http://127.0.0.1:4321/index.html?a=1&token=abc&b=2#/x')).toBe('/index.html?a=1&b=2#/x');
    expect(addressWithoutToken('http://127.0.0.1:4321/#/rankings')).toBeNull();
  });

  it('is replaced in the current history entry, with the router state kept', () => {
    window.history.replaceState({ position: 3 }, '', '/?token=secret#/briefing');
    const before = window.history.length;
    removeTokenFromAddress(window.location, window.history);
    expect(window.location.href).not.toContain('secret');
    expect(window.location.hash).toBe('#/briefing');
    expect(window.history.state).toEqual({ position: 3 });
    expect(window.history.length).toBe(before);
  });
});
