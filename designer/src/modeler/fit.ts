import type { Canvas } from './bpmnTypes.js';

const MARGIN = 24;

/**
 * Fits the whole diagram into view (never above 100 %), centred in the space right of the
 * modeler's floating palette so no element starts hidden under it.
 */
export function fitBesidePalette(canvas: Canvas, paletteWidth = 110): void {
  const { inner, outer } = canvas.viewbox();
  if (!inner.width || !inner.height || !outer.width || !outer.height) return;
  const availableWidth = outer.width - paletteWidth - 2 * MARGIN;
  const availableHeight = outer.height - 2 * MARGIN;
  const scale = Math.min(1, availableWidth / inner.width, availableHeight / inner.height);
  const left = paletteWidth + MARGIN + (availableWidth - inner.width * scale) / 2;
  const top = MARGIN + (availableHeight - inner.height * scale) / 2;
  canvas.viewbox({
    x: inner.x - left / scale,
    y: inner.y - top / scale,
    width: outer.width / scale,
    height: outer.height / scale,
  });
}
