// The flow modeler: bpmn-js with the properties panel, the Baton properties, live validation,
// autosave, the draft history and undo state, all wired as diagram-js modules. Callers listen to the modules'
// events (./batonEvents.ts) and keep the instance out of Vue's reactivity.
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { moddleExtension, type CompileOptions } from '@baton/engine';
import { AutosaveModule, type AutosaveConfig } from './autosaveModule.js';
import type { HistoryStore } from './draftHistory.js';
import { DraftHistoryModule, type DraftHistoryConfig } from './draftHistoryModule.js';
import { LiveValidationModule } from './liveValidation.js';
import { BatonPropertiesProviderModule } from './properties/BatonPropertiesProvider.js';
import type { BatonCatalog } from './properties/catalog.js';
import { UndoStateModule } from './undoState.js';

export type FlowModelerOptions = {
  container: HTMLElement;
  /** The properties panel's parent; it must exist before the first import. */
  panel: HTMLElement;
  /** What the panel offers; fixed for the modeler's life. */
  catalog: BatonCatalog;
  compileOptions: CompileOptions;
  save: AutosaveConfig['save'];
  /** Where the saved drafts are kept for undo across reloads (one ticket type's). */
  history: HistoryStore;
};

export function createFlowModeler(options: FlowModelerOptions): Modeler {
  return new Modeler({
    container: options.container,
    propertiesPanel: { parent: options.panel },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      BatonPropertiesProviderModule,
      LiveValidationModule,
      AutosaveModule,
      DraftHistoryModule,
      UndoStateModule,
    ],
    moddleExtensions: { baton: moddleExtension },
    batonCatalog: options.catalog,
    batonLiveValidation: { compileOptions: options.compileOptions },
    batonAutosave: { save: options.save } satisfies AutosaveConfig,
    batonDraftHistory: { store: options.history } satisfies DraftHistoryConfig,
  });
}
