/** A trailing debounce that can also be flushed (run now if pending) or cancelled. */
export function debounced(fn: () => void | Promise<void>, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void fn();
    }, delayMs);
  };
  return Object.assign(call, {
    pending: () => timer !== undefined,
    async flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      await fn();
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  });
}
