// The Baton modeler modules on a real diagram-js event bus, with stand-ins for the canvas
// services (no DOM: these diagnostics name no element on the stand-in canvas).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import EventBusClass from 'diagram-js/lib/core/EventBus';
import { BatonAutosave } from './autosaveModule.js';
import type { BatonEvents } from './batonEvents.js';
import type { Canvas, CommandStack, ElementRegistry, EventBus, Overlays } from './bpmnTypes.js';
import { LiveValidation } from './liveValidation.js';
import { templateXml } from './template.js';
import { UndoState } from './undoState.js';

const newBus = () => new EventBusClass() as unknown as EventBus;

/** Every payload of one Baton event, in order. */
function record<K extends keyof BatonEvents>(bus: EventBus, name: K): BatonEvents[K][] {
  const seen: BatonEvents[K][] = [];
  bus.on(name, (event) => {
    // The bus adds the event's `type`; keep the payload the module sent.
    const { type: _type, ...payload } = event as BatonEvents[K] & { type: string };
    seen.push(payload as unknown as BatonEvents[K]);
  });
  return seen;
}

const xmlOf = (xml: string) => ({ saveXML: () => Promise.resolve({ xml }) });

describe('batonLiveValidation', () => {
  const canvas = { addMarker: vi.fn(), removeMarker: vi.fn() } as unknown as Canvas;
  const overlays = { add: vi.fn(), remove: vi.fn() } as unknown as Overlays;
  const registry = { get: () => undefined, filter: () => [] } as unknown as ElementRegistry;

  /** Live validation of a new flow's template (no errors), checking 100 ms after a change. */
  function validatedTemplate() {
    const bus = newBus();
    const seen = record(bus, 'baton.validation.changed');
    const xml = xmlOf(templateXml('Refund', [{ key: 'support', name: 'Support' }]));
    new LiveValidation(bus, canvas, overlays, registry, xml, { delayMs: 100 });
    return { bus, seen };
  }

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks after a change (debounced) and reports checking, then the result', async () => {
    const { bus, seen } = validatedTemplate();
    bus.fire('import.done');
    bus.fire('commandStack.changed');
    expect(seen).toEqual([
      { checking: true, result: null },
      { checking: true, result: null },
    ]);
    await vi.advanceTimersByTimeAsync(100);
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen[2]).toMatchObject({ checking: false, result: { errorCount: 0, deployable: true } });
  });

  it('reports a compiler crash as one error instead of throwing', async () => {
    const bus = newBus();
    const failing = { saveXML: () => Promise.reject(new Error('no diagram')) };
    const live = new LiveValidation(bus, canvas, overlays, registry, failing, undefined);
    const model = await live.runNow();
    expect(model.problems.map((p) => p.code)).toEqual(['validator-crashed']);
    expect(model.deployable).toBe(false);
  });

  it('stops checking when the diagram is destroyed', async () => {
    const { bus, seen } = validatedTemplate();
    bus.fire('commandStack.changed');
    bus.fire('diagram.destroy');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(seen).toHaveLength(1);
  });
});

describe('batonAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('window', new EventTarget());
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('saves the XML after a command and reports every status', async () => {
    const bus = newBus();
    const seen = record(bus, 'baton.autosave.changed');
    const save = vi.fn(() => Promise.resolve());
    const autosave = new BatonAutosave(bus, xmlOf('<xml/>'), { save, delayMs: 50 });
    bus.fire('commandStack.changed');
    expect(autosave.status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(50);
    expect(save).toHaveBeenCalledWith('<xml/>');
    expect(seen.map((e) => e.status)).toEqual(['unsaved', 'saving', 'saved']);
  });

  it('keeps why a save failed, and flush saves at once', async () => {
    const bus = newBus();
    const refused = new Error('409 conflict');
    const autosave = new BatonAutosave(bus, xmlOf('<xml/>'), { save: () => Promise.reject(refused) });
    autosave.changed();
    await autosave.flush();
    expect(autosave.status).toBe('error');
    expect(autosave.error).toBe(refused);
  });

  it('warns before the tab closes with unsaved changes, until the diagram is destroyed', () => {
    const bus = newBus();
    const autosave = new BatonAutosave(bus, xmlOf('<xml/>'), { save: () => Promise.resolve() });
    const closing = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(closing()).toBe(false);
    autosave.changed();
    expect(closing()).toBe(true);
    autosave.markSaved();
    expect(closing()).toBe(false);
    autosave.changed();
    bus.fire('diagram.destroy');
    expect(closing()).toBe(false);
  });
});

describe('batonUndoState', () => {
  it('reports what undo and redo can do after commands and imports', () => {
    const bus = newBus();
    const seen = record(bus, 'baton.undo.changed');
    const stack = { canUndo: () => true, canRedo: () => false } as unknown as CommandStack;
    new UndoState(bus, stack);
    bus.fire('commandStack.changed');
    expect(seen).toEqual([{ canUndo: true, canRedo: false }]);
    bus.fire('import.done');
    expect(seen).toHaveLength(2);
  });
});

describe('module wiring', () => {
  it('asks the injector for one service per constructor parameter', () => {
    for (const service of [LiveValidation, BatonAutosave, UndoState]) {
      expect(service.$inject).toHaveLength(service.length);
    }
  });
});
