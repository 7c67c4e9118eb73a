/** Child process of the benchmark (run bundled, with --expose-gc): prints the core figures as one JSON line. */
import { runCoreBench } from './core-bench';

const entries = Number(process.env.CORE_BENCH_ENTRIES ?? 100_000);
const rounds = Number(process.env.CORE_BENCH_ROUNDS ?? 5);
process.stdout.write(`${JSON.stringify(runCoreBench({ entries, rounds }))}\n`);
