import { describe, expect, it } from 'vitest';
import { allowedHost, allowedOrigin, contentSecurityPolicy, newToken, readCookie, tokensEqual } from '../../../electron/host/security';

describe('host security checks', () => {
  it('accepts only the loopback names of its own port', () => {
    expect(allowedHost('127.0.0.1:5000', 5000)).toBe(true);
    expect(allowedHost('localhost:5000', 5000)).toBe(true);
    expect(allowedHost('127.0.0.1:5001', 5000)).toBe(false);
    expect(allowedHost('evil.example:5000', 5000)).toBe(false);
    expect(allowedHost(undefined, 5000)).toBe(false);
    expect(allowedOrigin(undefined, 5000)).toBe(true);
    expect(allowedOrigin('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(allowedOrigin('http://evil.example', 5000)).toBe(false);
  });

  it('makes unguessable tokens and compares them exactly', () => {
    const a = newToken();
    expect(a).toMatch(/^[\w-]{32}$/);
    expect(newToken()).not.toBe(a);
    expect(tokensEqual(a, a)).toBe(true);
    expect(tokensEqual(a.slice(1), a)).toBe(false);
    expect(tokensEqual(undefined, a)).toBe(false);
  });

  it('reads one cookie among many', () => {
    expect(readCookie('a=1; wb_token_5=abc=; b=2', 'wb_token_5')).toBe('abc=');
    expect(readCookie('a=1', 'wb_token_5')).toBeUndefined();
  });

  it('forbids remote origins and inline script in the CSP', () => {
    const script = contentSecurityPolicy.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(contentSecurityPolicy).toContain("object-src 'none'");
  });
});
