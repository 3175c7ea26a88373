// Import time as a User Timing measure, so the browser test (and the devtools) can read how long
// a diagram takes to open in the modeler versus the read-only viewer.
export async function measureImport<T>(
  name: string,
  run: () => Promise<T>,
  onMs?: (ms: number) => void,
): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    const measure = performance.measure(name, { start, end: performance.now() });
    onMs?.(Math.round(measure.duration));
  }
}
