// Compiled Flows by version id, kept in memory: a deployed version never changes, so a kept Flow
// is never stale and needs no check. Bounded by count, least recently used first out.
import type { Flow } from '@baton/engine';
import type { Queryable } from '../sql/queryable.js';

export type CompiledFlows = {
  /** The version's Flow; undefined when there is no such version. */
  get(flowVersionId: string): Promise<Flow | undefined>;
};

export function createCompiledFlows(pool: Queryable, options: { maxFlows?: number } = {}): CompiledFlows {
  const maxFlows = options.maxFlows ?? 200;
  // Promises, so concurrent first reads of one version share a query.
  const kept = new Map<string, Promise<Flow | undefined>>();
  return {
    get(flowVersionId) {
      const found = kept.get(flowVersionId);
      if (found) {
        kept.delete(flowVersionId); // Map order is insertion order: the first key is the stalest
        kept.set(flowVersionId, found);
        return found;
      }
      const loading = pool
        .query<{ compiled: Flow }>('select compiled from flow_versions where id = $1', [flowVersionId])
        .then(({ rows }) => asFlow(rows[0]?.compiled));
      kept.set(flowVersionId, loading);
      // A failed read is not kept: the next one asks again. Nor is a missing version, which a
      // deploy may create later under that id.
      const forget = () => {
        if (kept.get(flowVersionId) === loading) kept.delete(flowVersionId);
      };
      loading.then((flow) => flow === undefined && forget(), forget);
      for (const stalest of kept.keys()) {
        if (kept.size <= maxFlows) break;
        kept.delete(stalest);
      }
      return loading;
    },
  };
}

/** A stored Flow, or undefined for a row without one (hand-made rows hold `{}`). */
const asFlow = (compiled: Flow | undefined): Flow | undefined =>
  typeof compiled?.nodes === 'object' && compiled.nodes !== null ? compiled : undefined;
