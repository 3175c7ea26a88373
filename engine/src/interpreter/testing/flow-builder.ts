// A small typed builder of Flow IR for tests and benchmarks, standing in for compileFlow:
// nodes and flows in document order; incoming/outgoing, starts, departments and entry tasks
// are derived the way the compiler derives them.
import {
  FLOW_SCHEMA_VERSION,
  type BoundaryEventNode,
  type CalendarSpec,
  type CatchEventNode,
  type Flow,
  type FlowNode,
  type SequenceFlow,
  type ServiceTaskNode,
  type SlaSpec,
  type TimerSpec,
  type UserTaskNode,
} from '../../types.js';

type Common = { name?: string; scope?: string };
type Without<T> = Omit<T, 'id' | 'kind' | 'incoming' | 'outgoing' | 'scope' | 'name'>;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** An SLA of `targetMs` with the default 0.8 / 1.3 ladder. */
export function sla(targetMs: number, extra: Partial<SlaSpec> = {}): SlaSpec {
  return { iso: `PT${targetMs / 1000}S`, targetMs, warnAt: 0.8, severeAt: 1.3, ...extra };
}

export const after = (ms: number, calendar?: string): TimerSpec => ({
  kind: 'duration',
  iso: `PT${ms / 1000}S`,
  ms,
  ...(calendar === undefined ? {} : { calendar }),
});
export const every = (ms: number, repetitions?: number): TimerSpec => ({
  kind: 'cycle',
  iso: `R${repetitions ?? ''}/PT${ms / 1000}S`,
  ms,
  ...(repetitions === undefined ? {} : { repetitions }),
});
export const at = (epochMs: number): TimerSpec => ({
  kind: 'date',
  iso: new Date(epochMs).toISOString(),
  at: epochMs,
});

export class FlowBuilder {
  private readonly nodes: FlowNode[] = [];
  private readonly flows: SequenceFlow[] = [];
  private readonly extra: Partial<Flow> = {};

  constructor(private readonly id: string) {}

  private add(node: FlowNode): this {
    this.nodes.push(node);
    return this;
  }

  private base(
    id: string,
    common: Common,
  ): { id: string; incoming: string[]; outgoing: string[]; name?: string; scope?: string } {
    return { id, incoming: [], outgoing: [], ...common };
  }

  start(id: string, common: Common & { message?: string } = {}): this {
    return this.add({ ...this.base(id, common), kind: 'startEvent' });
  }
  end(id: string, common: Common & { terminate?: boolean } = {}): this {
    const { terminate = false, ...rest } = common;
    return this.add({ ...this.base(id, rest), kind: 'endEvent', terminate });
  }
  userTask(id: string, spec: Common & Partial<Without<UserTaskNode>> = {}): this {
    const { name, scope, ...rest } = spec;
    return this.add({
      ...this.base(id, { ...(scope === undefined ? {} : { scope }) }),
      kind: 'userTask',
      name: name ?? id,
      assign: 'none',
      outcomes: [],
      transferTo: [],
      returnable: false,
      boundaries: [],
      ...rest,
    });
  }
  serviceTask(id: string, activity: string, spec: Common & Partial<Without<ServiceTaskNode>> = {}): this {
    const { name, scope, ...rest } = spec;
    return this.add({
      ...this.base(id, {
        ...(name === undefined ? {} : { name }),
        ...(scope === undefined ? {} : { scope }),
      }),
      kind: 'serviceTask',
      activity,
      inputs: [],
      retries: 3,
      timeoutMs: 30_000,
      boundaries: [],
      ...rest,
    });
  }
  sendTask(id: string, notify: string[], template: string, common: Common = {}): this {
    return this.add({ ...this.base(id, common), kind: 'sendTask', notify, template });
  }
  exclusive(id: string, common: Common & { defaultFlow?: string } = {}): this {
    return this.add({ ...this.base(id, common), kind: 'exclusiveGateway' });
  }
  parallel(id: string, common: Common = {}): this {
    return this.add({ ...this.base(id, common), kind: 'parallelGateway' });
  }
  eventBased(id: string, common: Common = {}): this {
    return this.add({ ...this.base(id, common), kind: 'eventBasedGateway' });
  }
  catchEvent(id: string, spec: Common & Partial<Without<CatchEventNode>>): this {
    const { name, scope, ...rest } = spec;
    return this.add({
      ...this.base(id, {
        ...(name === undefined ? {} : { name }),
        ...(scope === undefined ? {} : { scope }),
      }),
      kind: 'intermediateCatchEvent',
      ...rest,
    });
  }
  boundary(
    id: string,
    attachedTo: string,
    timer: TimerSpec,
    spec: Common & { cancelActivity?: boolean } = {},
  ): this {
    const { cancelActivity = true, ...common } = spec;
    const node: BoundaryEventNode = {
      ...this.base(id, common),
      kind: 'boundaryEvent',
      attachedTo,
      cancelActivity,
      timer,
    };
    const owner = this.nodes.find((n) => n.id === attachedTo);
    if (owner?.kind === 'userTask' || owner?.kind === 'serviceTask') owner.boundaries.push(id);
    else throw new Error(`boundary ${id}: attach it to a task declared before it, not '${attachedTo}'`);
    return this.add(node);
  }
  subProcess(id: string, start: string, common: Common = {}): this {
    return this.add({ ...this.base(id, common), kind: 'subProcess', start });
  }
  /** Sequence flow `source -> target`; id defaults to `source->target`. */
  flow(
    source: string,
    target: string,
    spec: { id?: string; condition?: string; isDefault?: boolean } = {},
  ): this {
    const id = spec.id ?? `${source}->${target}`;
    this.flows.push({
      id,
      source,
      target,
      ...(spec.condition === undefined ? {} : { condition: spec.condition }),
    });
    if (spec.isDefault) {
      const gateway = this.nodes.find((n) => n.id === source);
      if (gateway?.kind !== 'exclusiveGateway')
        throw new Error(`default flow ${id}: '${source}' is not an exclusive gateway`);
      gateway.defaultFlow = id;
    }
    return this;
  }
  /** Chains flows a -> b -> c ... */
  path(...ids: string[]): this {
    for (let i = 1; i < ids.length; i++) this.flow(ids[i - 1]!, ids[i]!);
    return this;
  }
  with(extra: Partial<Pick<Flow, 'calendar' | 'ticketSla' | 'calendars' | 'departments'>>): this {
    Object.assign(this.extra, extra);
    return this;
  }

  build(): Flow {
    const nodes: Record<string, FlowNode> = {};
    for (const node of this.nodes) nodes[node.id] = { ...node, incoming: [], outgoing: [] } as FlowNode;
    const flows: Record<string, SequenceFlow> = {};
    for (const flow of this.flows) {
      const source = nodes[flow.source];
      const target = nodes[flow.target];
      if (source === undefined || target === undefined)
        throw new Error(`flow ${flow.id}: unknown end '${flow.source}' or '${flow.target}'`);
      flows[flow.id] = flow;
      source.outgoing.push(flow.id);
      target.incoming.push(flow.id);
    }
    const departments: string[] = [...(this.extra.departments ?? [])];
    const entryTasks: Record<string, string> = {};
    for (const node of this.nodes) {
      if (node.kind !== 'userTask' || node.department === undefined) continue;
      if (!departments.includes(node.department)) departments.push(node.department);
      entryTasks[node.department] ??= node.id;
    }
    return {
      schemaVersion: FLOW_SCHEMA_VERSION,
      id: this.id,
      starts: this.nodes.filter((n) => n.kind === 'startEvent' && n.scope === undefined).map((n) => n.id),
      nodes,
      flows,
      departments,
      entryTasks,
      calendars: {} as Record<string, CalendarSpec>,
      ...this.extra,
    };
  }
}

export const flowBuilder = (id: string): FlowBuilder => new FlowBuilder(id);
