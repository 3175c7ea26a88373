// The rule an SLA's level fractions obey, shared by the compiler (baton:warnAt / baton:severeAt)
// and the interpreter (targets applied to a running ticket): warning before the target, severe
// after it.
export const slaLevelsValid = (warnAt: number, severeAt: number): boolean =>
  warnAt > 0 && warnAt < 1 && severeAt > 1;
