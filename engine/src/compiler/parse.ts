import { BpmnModdle, type Moddle, type ModdleElement } from 'bpmn-moddle';
import { moddleExtension } from '../moddle/index.js';
import type { Diagnostics } from './diagnostics.js';

/** Larger documents are refused before parsing: no real flow comes near this. */
export const MAX_XML_CHARS = 10_000_000;
/** Lax parsing of foreign files can produce thousands of warnings; beyond this they are counted. */
const MAX_PARSE_WARNINGS = 20;

let moddle: Moddle | undefined;
// Building the moddle registry costs more than parsing a small flow, and it holds no per-parse state.
const sharedModdle = (): Moddle => (moddle ??= BpmnModdle({ baton: moddleExtension }));

/** Parses BPMN XML into bpmn:Definitions, or reports why it cannot. */
export async function parseDefinitions(
  xml: unknown,
  diagnostics: Diagnostics,
): Promise<ModdleElement | undefined> {
  if (typeof xml !== 'string' || xml.trim() === '') {
    diagnostics.error(
      'empty-document',
      'the document is empty; provide BPMN 2.0 XML (a bpmn:definitions element)',
    );
    return undefined;
  }
  if (xml.length > MAX_XML_CHARS) {
    diagnostics.error(
      'document-too-large',
      `the document has ${xml.length} characters, more than the ${MAX_XML_CHARS} allowed; split the flow or remove embedded data`,
    );
    return undefined;
  }
  try {
    const { rootElement, warnings } = await sharedModdle().fromXML(xml);
    reportParseWarnings(warnings, diagnostics);
    return rootElement;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/failed to parse document as <bpmn:Definitions>/.test(message)) {
      diagnostics.error(
        'not-bpmn',
        'the document is XML but not BPMN 2.0: its root must be bpmn:definitions in namespace http://www.omg.org/spec/BPMN/20100524/MODEL',
      );
    } else {
      diagnostics.error(
        'malformed-xml',
        `the XML cannot be read: ${oneLine(message)}; fix the markup and try again`,
      );
    }
    return undefined;
  }
}

const DUPLICATE_ID = /duplicate ID <([^>]*)>/;

function reportParseWarnings(warnings: { message: string }[], diagnostics: Diagnostics): void {
  const ignored = warnings.filter((warning) => {
    // moddle drops the second element with an id, so the flow would silently differ from the diagram.
    const duplicate = DUPLICATE_ID.exec(warning.message);
    if (duplicate)
      diagnostics.error(
        'duplicate-id',
        `two elements have the id '${duplicate[1]}'; give each element its own id`,
        duplicate[1],
      );
    return !duplicate;
  });
  for (const warning of ignored.slice(0, MAX_PARSE_WARNINGS)) {
    diagnostics.warn('xml-ignored', `ignored while reading the XML: ${oneLine(warning.message)}`);
  }
  if (warnings.length > MAX_PARSE_WARNINGS) {
    diagnostics.warn(
      'xml-ignored',
      `${warnings.length - MAX_PARSE_WARNINGS} more parts of the XML were ignored`,
    );
  }
}

const oneLine = (message: string): string => message.replace(/\s+/g, ' ').trim();
