// Live validation as a diagram-js module: after every diagram change (debounced) the engine's
// compiler runs on the current XML in the browser, its diagnostics become markers and badges on
// the canvas, and `baton.validation.changed` tells the page what to list.
import { compileFlow, type CompileOptions } from '@baton/engine';
import { fireBaton } from './batonEvents.js';
import type { Canvas, ElementRegistry, EventBus, Overlays, XmlSource } from './bpmnTypes.js';
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

/** `batonLiveValidation` in the modeler's options. */
export type LiveValidationConfig = {
  /** Calendars and activity types to check against, like the server will (see catalogLoader). */
  compileOptions?: CompileOptions;
  delayMs?: number;
};

export class LiveValidation {
  static $inject = [
    'eventBus',
    'canvas',
    'overlays',
    'elementRegistry',
    'bpmnjs',
    'config.batonLiveValidation',
  ];

  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: ElementMark[] = [];
  private generation = 0;
  private destroyed = false;
  private result: ValidationModel | null = null;
  // Large diagrams compile slowly: wait at least twice as long as the last run took, so typing in
  // the panel never queues compiles back to back.
  private lastRunMs = 0;
  private readonly compileOptions: CompileOptions;
  private readonly delayMs: number;

  constructor(
    private readonly eventBus: EventBus,
    private readonly canvas: Canvas,
    private readonly overlays: Overlays,
    private readonly registry: ElementRegistry,
    private readonly bpmnjs: XmlSource,
    config: LiveValidationConfig | undefined,
  ) {
    this.compileOptions = config?.compileOptions ?? {};
    this.delayMs = config?.delayMs ?? 300;
    const schedule = () => {
      this.schedule();
    };
    eventBus.on('commandStack.changed', schedule);
    eventBus.on('import.done', schedule);
    eventBus.on('diagram.destroy', () => {
      this.destroyed = true;
      clearTimeout(this.timer);
    });
  }

  /** Checks the diagram now; the result is shown unless a newer check started meanwhile. */
  async runNow(): Promise<ValidationModel> {
    const mine = ++this.generation;
    const started = performance.now();
    let model: ValidationModel;
    let checked: string | undefined;
    try {
      const { xml } = await this.bpmnjs.saveXML({ format: true });
      if (!xml) throw new Error('the diagram could not be written as XML');
      checked = xml;
      model = validationModel(await compileFlow(xml, this.compileOptions), (id) => this.labelOf(id));
    } catch (err) {
      model = validationModel(crashResult(err));
    }
    this.lastRunMs = performance.now() - started;
    // A slower run must not overwrite the result of a newer one.
    if (!this.destroyed && mine === this.generation) {
      this.show(model.marks);
      this.result = model;
      fireBaton(this.eventBus, 'baton.validation.changed', {
        checking: false,
        result: model,
        ...(checked === undefined ? {} : { xml: checked }),
      });
    }
    return model;
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runNow(), Math.max(this.delayMs, 2 * this.lastRunMs));
    fireBaton(this.eventBus, 'baton.validation.changed', { checking: true, result: this.result });
  }

  private labelOf(id: string): string | undefined {
    const bo = canvasElementFor(this.registry, id)?.businessObject;
    return bo?.name ? `${bo.name}` : undefined;
  }

  private show(marks: ElementMark[]) {
    const { canvas, overlays, registry } = this;
    for (const m of this.shown) {
      if (registry.get(m.elementId)) canvas.removeMarker(m.elementId, MARKER_CLASS[m.severity]);
    }
    overlays.remove({ type: OVERLAY_TYPE });
    const onCanvas = marks.map((m) => ({
      ...m,
      elementId: canvasElementFor(registry, m.elementId)?.id ?? m.elementId,
    }));
    this.shown = marksOnCanvas(onCanvas, (id) => !!registry.get(id));
    for (const m of this.shown) {
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
}

export const LiveValidationModule = {
  __init__: ['batonLiveValidation'],
  batonLiveValidation: ['type', LiveValidation],
};
