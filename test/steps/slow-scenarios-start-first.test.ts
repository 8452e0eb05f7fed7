import { describe, expect, it } from '@jest/globals';
import plugin, { slowFirst } from '../../steps/cli/slowScenariosFirst.ts';

const pickle = (name: string, ...tags: string[]) => ({ name, pickle: { tags: tags.map((tag) => ({ name: tag })) } });

describe('the plugin that starts @slow scenarios first', () => {
  it('moves the @slow scenarios to the front, each group keeping its order', () => {
    const ordered = slowFirst([pickle('a'), pickle('b', '@slow'), pickle('c', '@pauses-consumer'), pickle('d', '@pauses-consumer', '@slow'), pickle('e')]);

    expect(ordered.map((item) => item.name)).toEqual(['b', 'd', 'a', 'c', 'e']);
  });

  it('registers itself as the pickles:order transform of a cucumber-js coordinator plugin', async () => {
    const transforms = new Map<string, (pickles: readonly ReturnType<typeof pickle>[]) => Promise<readonly ReturnType<typeof pickle>[]>>();
    plugin.coordinator({ transform: (event, handler) => transforms.set(event, handler as never) });

    expect(plugin.type).toBe('plugin');
    const order = transforms.get('pickles:order');
    expect(order).toBeDefined();
    expect((await order?.([pickle('quick'), pickle('long', '@slow')]))?.map((item) => item.name)).toEqual(['long', 'quick']);
  });
});
