// Which pages the header and a section's tabs offer: the route records that carry a `nav` label
// and that the signed-in user may open. The roles live on the routes (router.ts) and nowhere else.
import type { RouteMeta, RouteRecordRaw } from 'vue-router';

export type NavLink = { to: string; label: string };

const joinPath = (base: string, path: string) =>
  path.startsWith('/') ? path : `${base.replace(/\/$/, '')}/${path}`;

/**
 * The links among `records` (top-level routes, or one section's children under `base`) that have
 * a `nav` label and pass `mayOpen`, in the routes' order.
 */
export function navLinks(
  records: readonly RouteRecordRaw[],
  mayOpen: (meta: RouteMeta) => boolean,
  base = '',
): NavLink[] {
  return records.flatMap((record) =>
    record.meta?.nav && mayOpen(record.meta)
      ? [{ to: joinPath(base, record.path), label: record.meta.nav }]
      : [],
  );
}
