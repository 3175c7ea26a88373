import type { Diagnostic } from '../types.js';

/** Collects a compile's findings; errors block the flow, warnings travel with it. */
export type Diagnostics = {
  errors: Diagnostic[];
  warnings: Diagnostic[];
  error(code: string, message: string, elementId?: string): void;
  warn(code: string, message: string, elementId?: string): void;
};

export function createDiagnostics(): Diagnostics {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const make = (
    severity: Diagnostic['severity'],
    code: string,
    message: string,
    elementId?: string,
  ): Diagnostic =>
    elementId === undefined ? { code, message, severity } : { code, message, elementId, severity };
  return {
    errors,
    warnings,
    error: (code, message, elementId) => void errors.push(make('error', code, message, elementId)),
    warn: (code, message, elementId) => void warnings.push(make('warning', code, message, elementId)),
  };
}

/** Copies an object without its undefined-valued keys, so the Flow is exactly its JSON. */
export function withoutUndefined<T extends object>(value: T): T {
  // for-in over own literal keys: no per-key entry arrays (this runs once per node of big flows).
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key in source) if (source[key] !== undefined) copy[key] = source[key];
  return copy as T;
}
