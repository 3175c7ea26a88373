// Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium. Never
// downloaded (no `playwright install`). With CI=true a missing browser is a failure, not a skip.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type ChromiumCheck =
  { path: string; skipReason?: undefined } | { path?: undefined; skipReason: string };

export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumCheck {
  const path = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return { path };
  const reason = `no Chromium at ${path} (set CHROMIUM_PATH to a Chromium binary)`;
  if (env.CI === 'true') throw new Error(`browser tests cannot run under CI=true: ${reason}`);
  return { skipReason: reason };
}

export const launchChromium = (path: string): Promise<Browser> =>
  chromium.launch({ executablePath: path, args: CHROMIUM_FLAGS, headless: true });
