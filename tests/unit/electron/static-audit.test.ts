// A static audit of the Electron layer in the spirit of electronegativity's checks (which itself
// drags in an old ESLint, TypeScript 4.2 and a native-binary downloader, so it is not installed):
// every window is built from the one secure options factory, no source turns a protection off or
// runs code from strings, links leave only as https, and the CSP allows no remote or inline script.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/host/security';
import { repoRoot } from '../../helpers/cli';

function sources(dir: string): Array<{ file: string; text: string }> {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mts|cts|js|mjs|cjs)$/.test(f))
    .map((f) => ({ file: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

const electronSources = sources(path.join(repoRoot, 'electron'));

const forbidden: Array<[string, RegExp]> = [
  ['nodeIntegration turned on', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
  ['context isolation turned off', /contextIsolation\s*:\s*false/],
  ['sandbox turned off', /sandbox\s*:\s*false/],
  ['web security turned off', /webSecurity\s*:\s*false/],
  ['insecure content allowed', /allowRunningInsecureContent\s*:\s*true/],
  ['experimental features', /experimentalFeatures\s*:\s*true|enableBlinkFeatures/],
  ['webview tag', /webviewTag\s*:\s*true|<webview/],
  ['code from strings', /\beval\s*\(|new Function\s*\(|executeJavaScript\s*\(|insertCSS\s*\(/],
  ['the remote module', /@electron\/remote|enableRemoteModule/],
  ['remote content loaded', /load(URL|File)\s*\(\s*[`'"]https?:/],
  ['certificate errors ignored', /certificate-error|ignore-certificate-errors/],
];

describe('Electron static audit', () => {
  it('reads the whole Electron layer', () => {
    expect(electronSources.map((s) => path.basename(s.file))).toEqual(expect.arrayContaining(['main.ts', 'preload.ts', 'ipc.ts', 'window-options.ts']));
  });

  it.each(forbidden)('no source has %s', (_name, pattern) => {
    const hits = electronSources.filter((s) => pattern.test(s.text)).map((s) => path.relative(repoRoot, s.file));
    expect(hits).toEqual([]);
  });

  it('builds every window from the secure options factory', () => {
    const windows = electronSources.flatMap((s) => [...s.text.matchAll(/new BrowserWindow\(([^)]*)/g)].map((m) => m[1]!));
    expect(windows.length).toBeGreaterThan(0);
    for (const args of windows) expect(args).toMatch(/^mainWindowOptions\(/);
  });

  it('opens external links only after checking they are https', () => {
    const calls = electronSources.flatMap((s) => s.text.split('\n').filter((line) => line.includes('openExternal(')));
    expect(calls.length).toBeGreaterThan(0);
    for (const line of calls) expect(line).toMatch(/startsWith\('https:\/\/'\)/);
  });

  it('denies permissions, navigation and new windows in the main process', () => {
    const main = electronSources.find((s) => s.file.endsWith(path.join('main', 'main.ts')))!.text;
    expect(main).toMatch(/setPermissionRequestHandler\(.*=> callback\(false\)\)/);
    expect(main).toMatch(/'will-navigate'/);
    expect(main).toMatch(/setWindowOpenHandler/);
    expect(main).toMatch(/action: 'deny'/);
  });

  it('has a CSP with no remote origin and no inline or eval script, in the header and the page', () => {
    const html = fs.readFileSync(path.join(repoRoot, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    for (const csp of [contentSecurityPolicy, meta]) {
      expect(csp).toBeDefined();
      const directives = Object.fromEntries(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      const script = directives['script-src'] ?? directives['default-src'];
      expect(script).toEqual(["'self'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'/);
    }
  });
});
