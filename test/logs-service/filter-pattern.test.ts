import { describe, expect, it } from '@jest/globals';
import { compileFilterPattern } from '../../harness/logs-service/filterPattern.ts';

/**
 * The examples of "Filter pattern syntax for metric filters, subscription filters, filter log events,
 * and Live Tail" (CloudWatch Logs user guide), on its sample log events.
 */
const EVENTS = [
  '[ERROR 400] BAD REQUEST',
  '[ERROR 401] UNAUTHORIZED REQUEST',
  '[ERROR 419] MISSING ARGUMENTS',
  '[ERROR 420] INVALID ARGUMENTS',
  '[ERROR 500] INTERNAL SERVER ERROR',
  '[WARN] low disk',
];

const matching = (pattern: string, events: readonly string[] = EVENTS): string[] => events.filter(compileFilterPattern(pattern));

describe('filter patterns for unstructured events', () => {
  it('matches every event for the empty pattern and for " "', () => {
    expect(matching('')).toEqual(EVENTS);
    expect(matching('" "')).toEqual(EVENTS);
  });

  it('needs all terms, case-sensitively', () => {
    expect(matching('ERROR ARGUMENTS')).toEqual(['[ERROR 419] MISSING ARGUMENTS', '[ERROR 420] INVALID ARGUMENTS']);
    expect(matching('error')).toEqual([]);
  });

  it('needs one of the ?terms', () => {
    expect(matching('?ARGUMENTS ?WARN')).toEqual(['[ERROR 419] MISSING ARGUMENTS', '[ERROR 420] INVALID ARGUMENTS', '[WARN] low disk']);
  });

  it('matches quoted phrases exactly and excludes -terms', () => {
    expect(matching('"INTERNAL SERVER ERROR"')).toEqual(['[ERROR 500] INTERNAL SERVER ERROR']);
    expect(matching('ERROR -ARGUMENTS')).toEqual(['[ERROR 400] BAD REQUEST', '[ERROR 401] UNAUTHORIZED REQUEST', '[ERROR 500] INTERNAL SERVER ERROR']);
    expect(matching('ERROR -"BAD REQUEST" -ARGUMENTS -INTERNAL')).toEqual(['[ERROR 401] UNAUTHORIZED REQUEST']);
  });

  it('matches %regex% terms and refuses regexes with parentheses, as CloudWatch does', () => {
    expect(matching('%ERROR 4[01]\\d%')).toEqual(['[ERROR 400] BAD REQUEST', '[ERROR 401] UNAUTHORIZED REQUEST', '[ERROR 419] MISSING ARGUMENTS']);
    expect(() => compileFilterPattern('%(a|b)%')).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
  });
});

describe('filter patterns for JSON events', () => {
  const json = [
    JSON.stringify({ eventType: 'UpdateTrail', latency: 50, error: false, user: { id: 1, name: 'ann' }, tags: ['a', 'b'], nothing: null }),
    JSON.stringify({ eventType: 'DeleteTrail', latency: 700, error: true, user: { id: 2, name: 'bob' }, tags: ['c'] }),
    'not json { $.eventType }',
  ];
  const which = (pattern: string): number[] => json.flatMap((event, index) => (compileFilterPattern(pattern)(event) ? [index] : []));

  it('compares strings with = and != (quoted or bare, * as wildcard)', () => {
    expect(which('{ $.eventType = "UpdateTrail" }')).toEqual([0]);
    expect(which('{ $.eventType = UpdateTrail }')).toEqual([0]);
    expect(which('{ $.eventType = "*Trail" }')).toEqual([0, 1]);
    expect(which('{ $.eventType != "UpdateTrail" }')).toEqual([1]);
    expect(which('{ $.user.name = "bob" }')).toEqual([1]);
    expect(which('{ $.tags[0] = "c" }')).toEqual([1]);
  });

  it('compares numbers and tests booleans, null and absence', () => {
    expect(which('{ $.latency > 100 }')).toEqual([1]);
    expect(which('{ $.latency <= 50 }')).toEqual([0]);
    expect(which('{ $.user.id = 2 }')).toEqual([1]);
    expect(which('{ $.error IS TRUE }')).toEqual([1]);
    expect(which('{ $.error IS FALSE }')).toEqual([0]);
    expect(which('{ $.nothing IS NULL }')).toEqual([0]);
    expect(which('{ $.nothing NOT EXISTS }')).toEqual([1]);
  });

  it('combines conditions with && and || and parentheses', () => {
    expect(which('{ ($.eventType = "UpdateTrail" && $.latency < 100) || $.error IS TRUE }')).toEqual([0, 1]);
    expect(which('{ $.eventType = "*Trail" && ($.latency > 600 || $.user.name = "ann") && $.tags[0] = "a" }')).toEqual([0]);
  });

  it('refuses malformed JSON patterns with InvalidParameterException', () => {
    for (const pattern of ['{ $.a = }', '{ $.a = "x"', '{ a = "x" }', '{ $.a > "x" }', '{ $.a IS MAYBE }']) {
      expect(() => compileFilterPattern(pattern)).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    }
  });
});
