/** Reads `--name value` pairs; a flag followed by another flag (or nothing) reads as "true". */
export function flags(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const name = /^--([a-z][a-z-]*)$/.exec(args[i]!)?.[1];
    if (!name) continue;
    const next = args[i + 1];
    out[name] = next === undefined || next.startsWith('--') ? 'true' : args[++i]!;
  }
  return out;
}
