import { flushCompileCache } from 'node:module';

/**
 * A cucumber-js plugin (cucumber.json `plugin`): once the coordinator has loaded the support code, before
 * any worker starts, it writes Node's compile cache (runFeatures.ts enables it), which Node otherwise
 * writes only at exit. On a fresh checkout the workers then load the support code compiled, instead of
 * each compiling it again at the same moment. It changes no pickle: the `pickles:filter` transform is
 * only the hook that runs at that point.
 */
interface CoordinatorContext {
  operation: string;
  transform<T>(event: 'pickles:filter', handler: (pickles: readonly T[]) => readonly T[]): void;
}

export default {
  type: 'plugin',
  coordinator: ({ operation, transform }: CoordinatorContext): void => {
    if (operation !== 'runCucumber') return;
    transform('pickles:filter', (pickles) => {
      flushCompileCache();
      return pickles;
    });
  },
};
