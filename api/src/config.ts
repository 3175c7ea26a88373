import { PASSWORD_COST, type ScryptCost } from '@baton/db';
import { DEFAULT_MAIL_FROM } from '@baton/workflows';

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
  /**
   * Origins besides the one a request came to (its Host) whose pages may send mutations with the
   * session cookie: where the app is published (BATON_APP_URL) when a proxy rewrites the Host.
   */
  trustedOrigins: readonly string[];
  /**
   * Sign-in throttling within `windowMs`: attempts per (email, client address), and failed
   * attempts per client address across all emails (password spraying). The address is the
   * socket's: X-Forwarded-For is not trusted.
   */
  login: { maxAttempts: number; maxFailuresPerAddress: number; windowMs: number };
  /** scrypt parameters for new password hashes; a sign-in with a weaker stored hash replaces it. */
  passwordCost: ScryptCost;
  /** The support mailbox (BATON_SUPPORT_ADDRESS); undefined: agents cannot reply by e-mail. */
  supportAddress?: string;
  /** Where customers reach Baton (BATON_APP_URL): the base of status-page links in mail. */
  appUrl: string;
  /** The address Baton's mail comes from (MAIL_FROM), shown on the conversation. */
  mailFrom: string;
  /**
   * BATON_STATUS_PAGE_AGENT_NAMES=on: the customer's status page names the people working on
   * their request. Off by default: customers see departments, never staff.
   */
  statusPageAgentNames: boolean;
  now: () => number;
};

/** The defaults; main.ts overrides what the environment configures (settings.ts), tests what they test. */
export const defaultConfig = (overrides: Partial<ApiConfig> = {}): ApiConfig => ({
  maxBodyBytes: 1024 * 1024,
  maxFlowBodyBytes: 5 * 1024 * 1024,
  maxCompiledFlowBytes: 1024 * 1024,
  sessionTtlMs: 7 * 24 * 3600 * 1000,
  authCacheMs: 2_000,
  detailCacheBytes: 32 * 1024 * 1024,
  secureCookies: false,
  trustedOrigins: [],
  appUrl: 'http://localhost:3000',
  mailFrom: DEFAULT_MAIL_FROM,
  statusPageAgentNames: false,
  login: { maxAttempts: 5, maxFailuresPerAddress: 20, windowMs: 60_000 },
  passwordCost: PASSWORD_COST,
  now: Date.now,
  ...overrides,
});
