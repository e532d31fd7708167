export const repoRoot: string;
export const cliEntry: string;
export const webEntry: string;
/** Builds dist/ (tsc) and dist/web (Vite) when their sources are newer; returns the first failing status (0 when nothing needed building). */
export function buildIfStale(): number;
