// The engine runtime port as the API sees it.
export type { EngineRuntime, ActResult, TaskEvent, TicketInput, RuntimeMode } from '@baton/workflows';
