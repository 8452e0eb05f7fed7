/**
 * A cucumber-js plugin (cucumber.json `plugin`) that starts the scenarios tagged `@slow` first, keeping
 * the order of everything else. They wait on visibility timeouts or drain a burst for seconds; started
 * first, they run beside the quick ones on the other workers instead of after them, so the run ends
 * when its longest scenario does (longest job first, as schedulers do). A serial run is unchanged in
 * length, only in order.
 */
interface TaggedPickle {
  pickle: { tags: readonly { name: string }[] };
}

interface OrderingContext {
  transform(event: 'pickles:order', handler: (pickles: readonly TaggedPickle[]) => Promise<readonly TaggedPickle[]>): void;
}

export const SLOW_TAG = '@slow';

/** The pickles with `@slow` first, each group in its given order. */
export function slowFirst<T extends TaggedPickle>(pickles: readonly T[]): T[] {
  const slow = (item: T): boolean => item.pickle.tags.some((tag) => tag.name === SLOW_TAG);
  return [...pickles.filter(slow), ...pickles.filter((item) => !slow(item))];
}

export default {
  type: 'plugin',
  coordinator: ({ transform }: OrderingContext): void => {
    transform('pickles:order', async (pickles) => slowFirst(pickles));
  },
};
