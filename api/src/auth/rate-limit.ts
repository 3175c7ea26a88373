// Sliding-window attempt counters, in memory: sign-in throttling per (email, client address) and
// per client address.
export type Verdict = { allowed: true } | { allowed: false; retryAfterSec: number };

export type RateLimiter = {
  /** Counts an attempt under `key`, unless `key` used up its window: then how long to wait. */
  hit(key: string): Verdict;
  /** Takes back the latest attempt counted under `key` (one that turned out not to count). */
  forgive(key: string): void;
};

export function createRateLimiter(options: {
  max: number;
  windowMs: number;
  now: () => number;
}): RateLimiter {
  const attempts = new Map<string, number[]>();
  return {
    hit(key) {
      const now = options.now();
      const recent = (attempts.get(key) ?? []).filter((at) => at > now - options.windowMs);
      if (recent.length >= options.max) {
        attempts.set(key, recent);
        const oldest = recent[0] ?? now;
        return {
          allowed: false,
          retryAfterSec: Math.max(1, Math.ceil((oldest + options.windowMs - now) / 1000)),
        };
      }
      recent.push(now);
      attempts.set(key, recent);
      // Keep the map from growing without bound under a spray of distinct keys.
      if (attempts.size > 10_000) {
        for (const [k, times] of attempts)
          if (times.every((at) => at <= now - options.windowMs)) attempts.delete(k);
      }
      return { allowed: true };
    },
    forgive(key) {
      const times = attempts.get(key);
      times?.pop();
      if (times?.length === 0) attempts.delete(key);
    },
  };
}
