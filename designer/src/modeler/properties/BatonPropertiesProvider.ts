// Adds the Baton groups to the bpmn-js properties panel: the descriptors from ./groups.ts with
// each entry kind mapped to its Preact component (./entries.ts) and "edited" check.
import {
  isCheckboxEntryEdited,
  isSelectEntryEdited,
  isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import type { DiagramElement } from '../bpmnTypes.js';
import type { BatonCatalog } from './catalog.js';
import {
  ActivityInputEntry,
  BatonCheckboxEntry,
  BatonSelectEntry,
  BatonTextEntry,
  ConditionEntry,
  LaneDepartmentEntry,
  TimerKindEntry,
  TimerValueEntry,
} from './entries.js';
import { batonGroups, type EntryKind, type GroupDescriptor } from './groups.js';

const ENTRY_KINDS: Record<
  EntryKind,
  { component: unknown; isEdited: (node: HTMLElement | null) => boolean }
> = {
  text: { component: BatonTextEntry, isEdited: isTextFieldEntryEdited },
  select: { component: BatonSelectEntry, isEdited: isSelectEntryEdited },
  checkbox: { component: BatonCheckboxEntry, isEdited: isCheckboxEntryEdited },
  laneDepartment: { component: LaneDepartmentEntry, isEdited: isSelectEntryEdited },
  timerKind: { component: TimerKindEntry, isEdited: isSelectEntryEdited },
  timerValue: { component: TimerValueEntry, isEdited: isTextFieldEntryEdited },
  condition: { component: ConditionEntry, isEdited: isTextFieldEntryEdited },
  activityInput: { component: ActivityInputEntry, isEdited: isTextFieldEntryEdited },
};

type PanelGroup = Omit<GroupDescriptor, 'entries'> & { entries: Record<string, unknown>[] };

const toPanelGroup = (group: GroupDescriptor): PanelGroup => ({
  ...group,
  entries: group.entries.map((entry) => ({ ...entry, ...ENTRY_KINDS[entry.kind] })),
});

type PropertiesPanel = {
  registerProvider(
    priority: number,
    provider: { getGroups(element: DiagramElement): (groups: PanelGroup[]) => PanelGroup[] },
  ): void;
};

/** The provider object bpmn-js instantiates (didi injection by `$inject`). */
export function BatonPropertiesProvider(
  this: unknown,
  propertiesPanel: PropertiesPanel,
  catalog: BatonCatalog,
) {
  propertiesPanel.registerProvider(500, {
    getGroups: (element) => (groups) => {
      const ours = batonGroups(element, catalog).map(toPanelGroup);
      // Right after "General", where people look first.
      const at = groups.findIndex((g) => g.id === 'general') + 1;
      return [...groups.slice(0, at), ...ours, ...groups.slice(at)];
    },
  });
}
BatonPropertiesProvider.$inject = ['propertiesPanel', 'config.batonCatalog'];

export const BatonPropertiesProviderModule = {
  __init__: ['batonPropertiesProvider'],
  batonPropertiesProvider: ['type', BatonPropertiesProvider],
};
