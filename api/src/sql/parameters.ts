// Positional parameters for SQL built from optional parts: each value gets the next `$n`, so a
// fragment never splices a value into the text.
export type SqlParameters = {
  /** The values, in `$1..$n` order, for pool.query. */
  readonly values: unknown[];
  /** Adds a value and answers its placeholder. */
  add(value: unknown): string;
};

export function sqlParameters(initial: unknown[] = []): SqlParameters {
  const values = [...initial];
  return {
    values,
    add(value) {
      values.push(value);
      return `$${values.length}`;
    },
  };
}
