// Runtime settings of the API. Everything that varies between a test and production lives here,
// including the clock, so reports and SLA explanations can be tested at a fixed instant.
export type ApiConfig = {
  /** Organisation time zone for report presets; undefined = default calendar's zone, else UTC. */
  timeZone?: string;
  /** Largest JSON body accepted, in bytes. */
  maxBodyBytes: number;
  /** Largest body for flow XML (draft save, validate). */
  maxFlowBodyBytes: number;
  /** Largest compiled Flow accepted on deploy (Temporal payloads are capped at 2 MB). */
  maxCompiledFlowBytes: number;
  sessionTtlMs: number;
  /** How long resolved credentials are reused without a database lookup (0 = never). */
  authCacheMs: number;
  /**
   * Memory for ticket details kept between requests, in bytes of their JSON (0 = none). Each read
   * still checks the kept copy's version with one primary-key lookup, so it is never stale.
   */
  detailCacheBytes: number;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies: boolean;
  login: { maxAttempts: number; windowMs: number };
  now: () => number;
};

export const defaultConfig = (overrides: Partial<ApiConfig> = {}): ApiConfig => ({
  timeZone: process.env.BATON_TIME_ZONE || undefined,
  maxBodyBytes: 1024 * 1024,
  maxFlowBodyBytes: 5 * 1024 * 1024,
  maxCompiledFlowBytes: 1024 * 1024,
  sessionTtlMs: 7 * 24 * 3600 * 1000,
  authCacheMs: 2_000,
  detailCacheBytes: megabytesFromEnv('BATON_DETAIL_CACHE_MB', 32),
  secureCookies: process.env.BATON_SECURE_COOKIES === 'true',
  login: { maxAttempts: 5, windowMs: 60_000 },
  now: Date.now,
  ...overrides,
});

/** Bytes from an environment variable given in megabytes; the error names the variable. */
function megabytesFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback * 1024 * 1024;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0)
    throw new Error(`${name} must be a number of megabytes (0 or more), got '${value}'`);
  return Math.round(parsed * 1024 * 1024);
}
