import type { Rule } from 'eslint';

/** No import cycle through type-only imports either (the module is JavaScript, so that any Node can load the lint config). */
export declare const noTypeImportCycle: Rule.RuleModule;
