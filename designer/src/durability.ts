// What the header says when the engine runs in memory. Admins get the server's own warning (which
// names the settings that make it durable); everyone else a short notice of what it means for them.
import type { Health, Me } from './api/types.js';

export type DurabilityNotice = { text: string; detailed: boolean };

export const SHORT_NOT_DURABLE =
  'Demo mode: tickets live in memory only, so open tasks and deadlines are lost when the server restarts.';

export function durabilityNotice(health: Health | null, user: Me | null): DurabilityNotice | null {
  if (health?.engine.durable !== false) return null;
  if (!user?.roles.includes('admin')) return { text: SHORT_NOT_DURABLE, detailed: false };
  return {
    text:
      health.engine.warning ??
      `The engine runs in memory (${health.engine.mode}): tickets, timers and SLA escalations are lost when the server stops.`,
    detailed: true,
  };
}
