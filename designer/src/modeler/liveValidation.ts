// Live validation: after every diagram change (debounced) the engine's compiler runs on the
// current XML in the browser, and its diagnostics become markers and badges on the canvas.
import { compileFlow, type CompileOptions } from '@baton/engine';
import type { Canvas, ElementRegistry, EventBus, Overlays, ServiceGetter } from './bpmnTypes.js';
import { canvasElementFor } from './canvasElement.js';
import {
  MARKER_CLASS,
  OVERLAY_TYPE,
  badgeText,
  crashResult,
  marksOnCanvas,
  validationModel,
  type ElementMark,
  type ValidationModel,
} from './diagnostics.js';

export type LiveValidationOptions = {
  get: ServiceGetter;
  saveXML: () => Promise<string>;
  compileOptions: () => CompileOptions;
  onResult: (model: ValidationModel) => void;
  delayMs?: number;
};

export type LiveValidation = { runNow: () => Promise<ValidationModel>; dispose: () => void };

export function startLiveValidation(options: LiveValidationOptions): LiveValidation {
  const { get, saveXML, compileOptions, onResult, delayMs = 300 } = options;
  const canvas = get<Canvas>('canvas');
  const overlays = get<Overlays>('overlays');
  const registry = get<ElementRegistry>('elementRegistry');
  const eventBus = get<EventBus>('eventBus');

  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown: ElementMark[] = [];
  let generation = 0;
  let disposed = false;
  // Large diagrams compile slowly: wait at least twice as long as the last run took, so typing in
  // the panel never queues compiles back to back.
  let lastRunMs = 0;

  const labelOf = (id: string) => {
    const bo = canvasElementFor(registry, id)?.businessObject;
    return bo?.name ? `${bo.name}` : undefined;
  };

  function show(marks: ElementMark[]) {
    for (const m of shown) {
      if (registry.get(m.elementId)) canvas.removeMarker(m.elementId, MARKER_CLASS[m.severity]);
    }
    overlays.remove({ type: OVERLAY_TYPE });
    const onCanvas = marks.map((m) => ({
      ...m,
      elementId: canvasElementFor(registry, m.elementId)?.id ?? m.elementId,
    }));
    shown = marksOnCanvas(onCanvas, (id) => !!registry.get(id));
    for (const m of shown) {
      canvas.addMarker(m.elementId, MARKER_CLASS[m.severity]);
      const badge = document.createElement('div');
      badge.className = `baton-badge baton-badge--${m.severity}`;
      badge.textContent = badgeText(m);
      badge.title = m.messages.join('\n');
      badge.dataset.elementId = m.elementId;
      overlays.add(m.elementId, OVERLAY_TYPE, {
        position: { top: -10, right: 10 },
        html: badge,
        show: { minZoom: 0.4 },
      });
    }
  }

  async function runNow(): Promise<ValidationModel> {
    const mine = ++generation;
    const started = performance.now();
    let model: ValidationModel;
    try {
      const xml = await saveXML();
      model = validationModel(await compileFlow(xml, compileOptions()), labelOf);
    } catch (err) {
      model = validationModel(crashResult(err));
    }
    lastRunMs = performance.now() - started;
    // A slower run must not overwrite the result of a newer one.
    if (!disposed && mine === generation) {
      show(model.marks);
      onResult(model);
    }
    return model;
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void runNow(), Math.max(delayMs, 2 * lastRunMs));
  };
  eventBus.on('commandStack.changed', schedule);
  eventBus.on('import.done', schedule);

  return {
    runNow,
    dispose() {
      disposed = true;
      clearTimeout(timer);
      eventBus.off('commandStack.changed', schedule);
      eventBus.off('import.done', schedule);
    },
  };
}
