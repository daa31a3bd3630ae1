import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Flags for a closed network (no background traffic) and root in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

const SYSTEEM_PADEN = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export class GeenBrowser extends Error {}

/**
 * Flags of @sparticuz/chromium (made for one page per Lambda call) that we do not take: one
 * process crashes as soon as a second browser context or target opens (the page tests open
 * several), and the web-security flags have no place when printing our own pages.
 */
const ONGEWENSTE_SPARTICUZ_ARGS = ['--headless', '--single-process', '--disable-web-security', '--allow-running-insecure-content'];

export interface GevondenChromium {
  pad: string;
  /** flags the browser needs on top of CHROMIUM_ARGS (the packaged Chromium brings its own) */
  args: string[];
}

/** `CHROMIUM_PATH`, then the system Chromium, then the Chromium shipped by @sparticuz/chromium (optional dependency). */
export async function vindChromium(env: NodeJS.ProcessEnv = process.env, systeemPaden = SYSTEEM_PADEN): Promise<GevondenChromium> {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return { pad: env.CHROMIUM_PATH, args: [] };
    throw new GeenBrowser(`CHROMIUM_PATH wijst naar ${env.CHROMIUM_PATH}, maar daar staat geen programma`);
  }
  const systeem = systeemPaden.find((p) => existsSync(p));
  if (systeem) return { pad: systeem, args: [] };
  try {
    const naam = '@sparticuz/chromium';
    const sparticuz = (await import(naam)) as { default: { executablePath(): Promise<string>; args: string[] } };
    return {
      pad: await sparticuz.default.executablePath(),
      args: sparticuz.default.args.filter((a) => !ONGEWENSTE_SPARTICUZ_ARGS.some((o) => a.startsWith(o))),
    };
  } catch {
    throw new GeenBrowser(
      'Er is geen Chromium gevonden. Installeer Chromium (Debian: apt-get install chromium), zet ' +
        'CHROMIUM_PATH, of installeer het npm-pakket @sparticuz/chromium.',
    );
  }
}

/**
 * Starts Chromium, talking to it over a pipe (`--remote-debugging-pipe`) rather than a WebSocket.
 * The pipe is what makes Chromium end with the process that started it: puppeteer puts Chromium
 * in its own process group, so a SIGKILL of the server or CLI reaches no browser process, but the
 * kernel closes the parent's end of the pipe and Chromium exits on that EOF. Measured (kill -9 of
 * the parent, 3 s later): over a WebSocket 9 of 9 processes remained, over the pipe 0; test in
 * test/integration/verzending-crash.test.ts. Node has no PR_SET_PDEATHSIG, and a watchdog process
 * would itself be a child that outlives a SIGKILL.
 */
export async function startChromium(env: NodeJS.ProcessEnv = process.env, systeemPaden = SYSTEEM_PADEN): Promise<Browser> {
  const { pad: executablePath, args } = await vindChromium(env, systeemPaden);
  try {
    // the browser gets the same environment it was found with: a caller that sets FONTCONFIG_FILE
    // (test/e2e/lettertype-machine.test.ts) prints under that font set-up
    return await puppeteer.launch({ executablePath, args: [...new Set([...args, ...CHROMIUM_ARGS])], headless: true, pipe: true, env });
  } catch (cause) {
    throw new GeenBrowser(`Chromium (${executablePath}) kon niet starten: ${(cause as Error).message}`, { cause });
  }
}
