// Turning the compiler's diagnostics into what the modeler shows: a sorted problem list and, per
// element, one marker (the worst severity) and a badge with its counts.
import type { CompileResult, Diagnostic, Severity } from '@baton/engine';

export type Problem = Diagnostic & {
  /** Stable key for lists. */
  key: string;
  /** Shown next to the message: the element's name, or its id. */
  elementLabel?: string;
};

export type ElementMark = {
  elementId: string;
  severity: Severity;
  errors: number;
  warnings: number;
  messages: string[];
};

export type ValidationModel = {
  problems: Problem[];
  marks: ElementMark[];
  errorCount: number;
  warningCount: number;
  /** Deploy needs a compiled flow, so any error blocks it. */
  deployable: boolean;
};

export const MARKER_CLASS: Record<Severity, string> = {
  error: 'baton-has-error',
  warning: 'baton-has-warning',
};
export const OVERLAY_TYPE = 'baton-problems';

export function validationModel(
  result: CompileResult,
  labelOf: (elementId: string) => string | undefined = () => undefined,
): ValidationModel {
  const errors = result.ok ? [] : result.errors;
  const all = [...errors, ...result.warnings];
  const problems = all
    .map((d, i): Problem => {
      const label = d.elementId ? labelOf(d.elementId) : undefined;
      return { ...d, key: `${i}:${d.code}:${d.elementId ?? ''}`, ...(label ? { elementLabel: label } : {}) };
    })
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));

  const byElement = new Map<string, ElementMark>();
  for (const p of problems) {
    if (!p.elementId) continue;
    const mark = byElement.get(p.elementId) ?? {
      elementId: p.elementId,
      severity: 'warning',
      errors: 0,
      warnings: 0,
      messages: [],
    };
    if (p.severity === 'error') {
      mark.errors += 1;
      mark.severity = 'error';
    } else {
      mark.warnings += 1;
    }
    mark.messages.push(p.message);
    byElement.set(p.elementId, mark);
  }
  return {
    problems,
    marks: [...byElement.values()],
    errorCount: errors.length,
    warningCount: result.warnings.length,
    deployable: result.ok,
  };
}

const severityRank = (s: Severity) => (s === 'error' ? 0 : 1);

/** The badge text on an element: "2" errors, "1⚠" warnings, or both. */
export function badgeText(mark: ElementMark): string {
  const parts: string[] = [];
  if (mark.errors) parts.push(`${mark.errors}✕`);
  if (mark.warnings) parts.push(`${mark.warnings}⚠`);
  return parts.join(' ');
}

/** Marks whose element exists in the diagram; diagnostics may name ids the canvas lacks (e.g. a process). */
export function marksOnCanvas(marks: ElementMark[], exists: (id: string) => boolean): ElementMark[] {
  return marks.filter((m) => exists(m.elementId));
}

/** A failure of the compiler itself (it should never reject) shown as one error. */
export function crashResult(err: unknown): CompileResult {
  const message = err instanceof Error ? err.message : String(err);
  return {
    ok: false,
    errors: [{ code: 'validator-crashed', message: `validation failed: ${message}`, severity: 'error' }],
    warnings: [],
  };
}
