/**
 * Work cut into steps: a generator that yields between small pieces and returns its result. The same code runs at once
 * (files, tests) or a few steps per task on a page (`runStepsInChunks` in utils/page/run-in-chunks.ts).
 */
export type WorkSteps<T> = Generator<void, T, void>;

/** Runs every step now and returns the result. */
export function runAllSteps<T>(steps: WorkSteps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
