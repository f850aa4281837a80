/**
 * Options of a test that starts CLI processes: each start compiles the CLI with tsx, which takes seconds
 * on a loaded machine, so the default 30 s is too tight for a test that starts several of them.
 */
export const CLI_TEST = { timeout: 90_000 };
