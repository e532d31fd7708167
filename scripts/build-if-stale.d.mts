export const repoRoot: string;
export const cliEntry: string;
export const webEntry: string;
/** Builds dist/ (tsc) and dist/web (Vite) when their sources are newer; returns the first failing status (0 when nothing needed building). Says what it builds on stderr, in the language `--lang` in `argv` or TDS_LANG picks. */
export function buildIfStale(argv?: readonly string[]): number;
/** Builds both, always (`npm run build`). */
export function buildAll(argv?: readonly string[]): number;
export function buildServer(locale?: 'zh-CN' | 'en', force?: boolean): number;
export function buildWeb(locale?: 'zh-CN' | 'en', force?: boolean): number;
