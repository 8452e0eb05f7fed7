import { jest } from '@jest/globals';

/** Collects the JSON log lines Powertools writes to stdout and stderr while a test runs (restore with jest.restoreAllMocks). */
export function captureLogLines(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  const capture = (chunk: unknown) => {
    lines.push(...String(chunk).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>));
    return true;
  };
  jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  return lines;
}
