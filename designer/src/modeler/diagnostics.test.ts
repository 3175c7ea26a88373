import { describe, expect, it } from 'vitest';
import type { CompileResult, Diagnostic } from '@baton/engine';
import { badgeText, crashResult, marksOnCanvas, validationModel } from './diagnostics.js';

const d = (severity: Diagnostic['severity'], code: string, elementId?: string): Diagnostic => ({
  code,
  severity,
  message: `${code} message`,
  ...(elementId ? { elementId } : {}),
});

describe('validation model', () => {
  const failed: CompileResult = {
    ok: false,
    errors: [d('error', 'no-department', 'Lane_1'), d('error', 'bad-sla', 'Task_1'), d('error', 'no-end')],
    warnings: [d('warning', 'unnamed', 'Task_1'), d('warning', 'unused-calendar')],
  };

  it('lists errors before warnings with element labels', () => {
    const model = validationModel(failed, (id) => (id === 'Task_1' ? 'Triage' : undefined));
    expect(model.problems.map((p) => p.severity)).toEqual(['error', 'error', 'error', 'warning', 'warning']);
    expect(model.problems.find((p) => p.code === 'bad-sla')?.elementLabel).toBe('Triage');
    expect(new Set(model.problems.map((p) => p.key)).size).toBe(5);
    expect(model.errorCount).toBe(3);
    expect(model.warningCount).toBe(2);
    expect(model.deployable).toBe(false);
  });

  it('gives each element one mark with its worst severity and its counts', () => {
    const marks = validationModel(failed).marks;
    expect(marks).toHaveLength(2);
    const task = marks.find((m) => m.elementId === 'Task_1');
    expect(task).toMatchObject({ severity: 'error', errors: 1, warnings: 1 });
    expect(task && badgeText(task)).toBe('1✕ 1⚠');
    expect(task?.messages).toEqual(['bad-sla message', 'unnamed message']);
  });

  it('marks warning-only elements as warnings and allows deploying', () => {
    const ok: CompileResult = { ok: true, flow: {} as never, warnings: [d('warning', 'unnamed', 'Task_2')] };
    const model = validationModel(ok);
    expect(model.deployable).toBe(true);
    expect(model.marks).toEqual([
      { elementId: 'Task_2', severity: 'warning', errors: 0, warnings: 1, messages: ['unnamed message'] },
    ]);
    expect(badgeText(model.marks[0]!)).toBe('1⚠');
  });

  it('drops marks for ids the canvas does not have', () => {
    const marks = validationModel(failed).marks;
    expect(marksOnCanvas(marks, (id) => id === 'Task_1').map((m) => m.elementId)).toEqual(['Task_1']);
  });

  it('turns a validator crash into one blocking error', () => {
    const model = validationModel(crashResult(new Error('boom')));
    expect(model.deployable).toBe(false);
    expect(model.problems[0]?.message).toBe('validation failed: boom');
  });
});
