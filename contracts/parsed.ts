/** What a contract's parse returns: the value, or one line saying which field broke the contract and how. */
export type Parsed<T> = { success: true; data: T } | { success: false; error: string };
