// The names of `lke check`'s formats, in a module of their own so the CLI's flag definitions can list them
// without loading the presenters (`lke --help` stays fast).
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
