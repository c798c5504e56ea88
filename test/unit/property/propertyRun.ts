import fc from 'fast-check';

/**
 * Runs a property with a fixed seed, so every run of the suite checks the same cases and a
 * failure reproduces. Set VALUE_LENS_PROPERTY_SEED to explore other cases; the failure message
 * names the seed, the counterexample (shrunk) and the replay path.
 */
export async function checkProperty<Ts>(name: string, property: fc.IRawProperty<Ts>, numRuns: number, defaultSeed: number): Promise<void> {
  const fromEnv = process.env.VALUE_LENS_PROPERTY_SEED;
  const seed = fromEnv && Number.isInteger(Number(fromEnv)) ? Number(fromEnv) : defaultSeed;
  const details = await fc.check(property, { seed, numRuns });
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`Property "${name}" failed with seed ${seed}:\n${fc.defaultReportMessage(details) ?? ''}\n${cause}`);
  }
}
