// A run's history as event type names (the proto's own enum holds numbers), for tests that read
// what Temporal recorded.
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

type History = Parameters<typeof historyToJSON>[0];

/** The history's event types, in order, without the `EVENT_TYPE_` prefix. */
export const eventTypesOf = (history: History): string[] =>
  (JSON.parse(historyToJSON(history)) as { events: { eventType: string }[] }).events.map((e) =>
    e.eventType.replace('EVENT_TYPE_', ''),
  );
