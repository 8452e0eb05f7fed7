/** What `npm run bench -- …` asked for: a quick run, and which baseline revision's suite to time (null: none). */
export interface BenchArguments {
  quick: boolean;
  /** Absent: the default baseline; null: `--no-baseline`. */
  baseline?: string | null;
}

/** Reads `--quick`, `--baseline REV` (or `--baseline=REV`) and `--no-baseline`; throws on anything else. */
export function parseBenchArguments(argv: readonly string[]): BenchArguments {
  const result: BenchArguments = { quick: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--quick') {
      result.quick = true;
    } else if (arg === '--no-baseline') {
      result.baseline = null;
    } else if (arg === '--baseline' || arg.startsWith('--baseline=')) {
      const revision = arg === '--baseline' ? argv[++i] : arg.slice('--baseline='.length);
      if (!revision || revision.startsWith('--')) {
        throw new Error('--baseline needs a git revision');
      }
      result.baseline = revision;
    } else {
      throw new Error(`unknown: ${arg}`);
    }
  }
  return result;
}
