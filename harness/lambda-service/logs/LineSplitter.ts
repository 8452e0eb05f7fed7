import { StringDecoder } from 'node:string_decoder';

/**
 * Written by the runtime bootstrap on stdout and stderr after each
 * invocation, before it posts the result: once the service has seen it on
 * both streams, every line of that invocation has been read.
 */
export const FLUSH_MARKER = '\u0000lambda-flush:';
/**
 * Written by the bootstrap on stdout the moment it takes an invocation from
 * `/next`, before the handler runs: an environment that dies without having
 * written it never started that invocation.
 */
export const TAKE_MARKER = '\u0000lambda-take:';

/** What a marker line says about an invocation. */
export type MarkerKind = 'flush' | 'take';

const MARKERS: readonly (readonly [MarkerKind, string])[] = [
  ['flush', FLUSH_MARKER],
  ['take', TAKE_MARKER],
];

/**
 * The longest line kept as one log event: CloudWatch Logs takes events of at most 256 KB (262,144 bytes,
 * 26 of them its own overhead). A longer line is cut into lines of this length, so no line, however long,
 * is held in memory whole.
 */
export const MAX_LINE_CHARS = 262_118;

/**
 * Turns a child's output stream into lines. The Node runtime writes each
 * console call as one line with inner newlines turned into `\r` (as AWS's
 * runtime does); they are turned back into `\n` here.
 */
export class LineSplitter {
  readonly #decoder = new StringDecoder('utf8');
  readonly #onLine: (line: string) => void;
  readonly #onMarker: (kind: MarkerKind, requestId: string) => void;
  #pending = '';

  constructor(options: { onLine: (line: string) => void; onMarker: (kind: MarkerKind, requestId: string) => void }) {
    this.#onLine = options.onLine;
    this.#onMarker = options.onMarker;
  }

  push(chunk: Buffer): void {
    const text = this.#pending + this.#decoder.write(chunk);
    const lines = text.split('\n');
    this.#pending = lines.pop() ?? '';
    for (const line of lines) {
      this.#emitCapped(line);
    }
    // A line still unterminated past the limit goes out in pieces; a marker never spans that far.
    while (this.#pending.length > MAX_LINE_CHARS) {
      this.#emit(this.#pending.slice(0, MAX_LINE_CHARS));
      this.#pending = this.#pending.slice(MAX_LINE_CHARS);
    }
  }

  #emitCapped(line: string): void {
    if (line.length <= MAX_LINE_CHARS || line.includes(FLUSH_MARKER)) {
      this.#emit(line);
      return;
    }
    for (let start = 0; start < line.length; start += MAX_LINE_CHARS) {
      this.#emit(line.slice(start, start + MAX_LINE_CHARS));
    }
  }

  /** Emits a last unterminated line. */
  end(): void {
    const rest = this.#pending + this.#decoder.end();
    this.#pending = '';
    if (rest.length > 0) {
      this.#emitCapped(rest);
    }
  }

  #emit(line: string): void {
    for (const [kind, marker] of MARKERS) {
      const markerAt = line.indexOf(marker);
      if (markerAt >= 0) {
        if (markerAt > 0) {
          this.#onLine(line.slice(0, markerAt).replaceAll('\r', '\n'));
        }
        this.#onMarker(kind, line.slice(markerAt + marker.length));
        return;
      }
    }
    this.#onLine(line.replaceAll('\r', '\n'));
  }
}
