export const repoRoot: string;
export const cliEntry: string;
/** Builds dist/ when src is newer; returns tsc's exit status (0 when nothing needed building). */
export function buildIfStale(): number;
