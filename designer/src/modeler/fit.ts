import type { Canvas } from './bpmnTypes.js';

/** Fits the diagram into view, leaving room on the left where the modeler's palette floats. */
export function fitBesidePalette(canvas: Canvas, paletteWidth = 110): void {
  const fitted = canvas.zoom('fit-viewport', 'auto');
  if (!paletteWidth) return;
  canvas.zoom(Math.min(fitted * 0.9, 1), 'auto');
  canvas.scroll({ dx: paletteWidth / 2, dy: 0 });
}
