// Opening XML in a modeler and saving what it shows as .bpmn, .svg or .png, with messages for
// the person at the screen instead of exceptions.
import type Modeler from 'bpmn-js/lib/Modeler';
import { messageOf } from '../api/http.js';
import type { Canvas } from './bpmnTypes.js';
import { download, svgToPng } from './exportImage.js';
import { fitBesidePalette } from './fit.js';
import { measureImport } from './importTiming.js';

export type Opened = { ok: boolean; notices: string[] };

/** Imports `xml` and fits it into view; `onMs` gets the import time (the browser test reads it). */
export async function openDiagram(
  modeler: Modeler,
  xml: string,
  onMs: (ms: number) => void,
): Promise<Opened> {
  try {
    const { warnings } = await measureImport('baton:modeler-import', () => modeler.importXML(xml), onMs);
    fitBesidePalette(modeler.get<Canvas>('canvas'));
    const shown = warnings
      .slice(0, 3)
      .map((w) => messageOf(w))
      .join('; ');
    return {
      ok: true,
      notices: warnings.length ? [`Imported with ${warnings.length} warning(s): ${shown}`] : [],
    };
  } catch (err) {
    return { ok: false, notices: [`This file cannot be opened as a BPMN diagram: ${messageOf(err)}`] };
  }
}

export type DiagramFormat = 'bpmn' | 'svg' | 'png';

export async function exportDiagram(
  modeler: Modeler,
  format: DiagramFormat,
  baseName: string,
): Promise<void> {
  const filename = `${baseName}.${format}`;
  if (format === 'bpmn') {
    const { xml } = await modeler.saveXML({ format: true });
    if (!xml) throw new Error('the diagram could not be written as XML');
    download(filename, new Blob([xml], { type: 'application/xml' }));
    return;
  }
  const { svg } = await modeler.saveSVG();
  download(filename, format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg));
}
