import { JUnitXmlPrinter, type Options } from '@cucumber/junit-xml-formatter';

type NamingStrategy = NonNullable<Options['testNamingStrategy']>;
type Envelope = Parameters<JUnitXmlPrinter['update']>[0];

/**
 * Names each JUnit test case as a reader of CI results needs it: a scenario by its name, and each example
 * of a Scenario Outline by its own name with the values filled in ("an order of 2 lines in EUR from
 * cus-1001 ..."). The formatter's default starts every example's name with the outline's title, placeholders
 * and all, so CI views that cut long names showed four identical "an order of <lines> lines ..." cases. An
 * outline whose title names no placeholder gets the example's number too, so no two cases share a name.
 */
export const exampleNaming: NamingStrategy = {
  reduce(lineage, pickle) {
    if (!lineage.example) return pickle.name;
    if (lineage.scenario?.name !== pickle.name) return pickle.name;
    return `${pickle.name} (example ${(lineage.examplesIndex ?? 0) + 1}.${(lineage.exampleIndex ?? 0) + 1})`;
  },
};

interface FormatterContext {
  options: Options;
  on: (type: 'message', handler: (message: Envelope) => void) => void;
  write: (content: string) => void;
}

/**
 * Cucumber's own JUnit formatter with {@link exampleNaming}; `formatOptions.junit` (e.g. `suiteName`) still
 * applies. A naming strategy is a function, which `cucumber.json` cannot hold, hence this plugin:
 * `"format": ["./harness/reports/junitFormatter.ts:reports/features.junit.xml"]`.
 */
export default {
  type: 'formatter',
  optionsKey: 'junit',
  formatter({ options, on, write }: FormatterContext): void {
    const printer = new JUnitXmlPrinter({ testNamingStrategy: exampleNaming, ...options }, write);
    on('message', (message) => printer.update(message));
  },
} as const;
