import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Cell, EngineReady, EngineRequest, EngineResponse, EngineSettings, EngineTable } from './engine-protocol.js';

/** A run that did not finish: stopped for time or memory, or failed in DuckDB. */
export class EngineError extends Error {
  constructor(
    readonly kind: 'timeout' | 'memory' | 'error' | 'crashed',
    message: string,
  ) {
    super(message);
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export type TableColumns = Record<string, Array<{ name: string; type: string }>>;

// Under tsx/vitest the worker is TypeScript and needs tsx's loader; built, it is plain JS.
const workerFile = fileURLToPath(new URL(`./sandbox-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/**
 * The host side of the sandbox engine process. It keeps one engine running with the tables jobs
 * need; a job needing a table the engine lacks starts a fresh engine with all of them (a locked
 * engine cannot load more). Runs past their time are interrupted, and the process is killed if
 * the interrupt does not land.
 */
export class SandboxEngine {
  private child?: ChildProcess;
  private loaded = new Map<string, EngineTable>();
  private columns: TableColumns = {};
  private starting?: Promise<void>;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: EngineResponse) => void; reject: (e: Error) => void }>();

  constructor(private readonly settings: Omit<EngineSettings, 'tables'>) {}

  /** Makes sure the engine holds `tables` (same path and types), restarting it when it does not. */
  async ensure(tables: readonly EngineTable[]): Promise<TableColumns> {
    await this.starting;
    const missing = tables.filter((t) => JSON.stringify(this.loaded.get(t.table)) !== JSON.stringify(t));
    if (missing.length || !this.child) {
      const all = new Map(this.loaded);
      for (const t of tables) all.set(t.table, t);
      this.starting = this.start([...all.values()]);
      try {
        await this.starting;
      } finally {
        this.starting = undefined;
      }
    }
    return this.columns;
  }

  private async start(tables: EngineTable[]): Promise<void> {
    this.stop();
    const settings: EngineSettings = { ...this.settings, tables };
    const child = fork(workerFile, [], {
      env: { TDS_SANDBOX_ENGINE: JSON.stringify(settings), NODE_OPTIONS: '' },
      execArgv: workerFile.endsWith('.ts') ? ['--import', 'tsx'] : [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const ready = await new Promise<EngineReady>((resolve) => {
      child.once('message', (m) => resolve(m as EngineReady));
      child.once('exit', (code) => resolve({ ready: false, error: `engine exited (${code}) ${stderr.trim()}` }));
    });
    if (!ready.ready) {
      child.kill('SIGKILL');
      throw new EngineError('error', `The sandbox engine could not load its tables: ${ready.error}`);
    }
    this.child = child;
    this.loaded = new Map(tables.map((t) => [t.table, t]));
    this.columns = ready.tables;
    child.on('message', (m: EngineResponse) => {
      const waiting = this.pending.get(m.id);
      this.pending.delete(m.id);
      waiting?.resolve(m);
    });
    child.on('exit', () => {
      // The tables stay wanted: the next request starts a fresh engine with them.
      if (this.child === child) this.child = undefined;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(new EngineError('crashed', 'The sandbox engine stopped during the job'));
      }
    });
  }

  private request(message: WithoutId<Extract<EngineRequest, { op: 'parse' | 'run' }>>): { id: number; response: Promise<EngineResponse> } {
    const child = this.child;
    if (!child) throw new EngineError('crashed', 'The sandbox engine is not running');
    const id = this.nextId++;
    const response = new Promise<EngineResponse>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    child.send({ ...message, id } as EngineRequest);
    return { id, response };
  }

  /** DuckDB's parse tree of `sql` (json_serialize_sql), to be judged by the gate. */
  async parse(sql: string): Promise<unknown> {
    if (!this.child) await this.ensure([...this.loaded.values()]);
    const { response } = this.request({ op: 'parse', sql });
    const r = await response;
    if (!r.ok) throw new EngineError('error', r.error);
    return r.tree;
  }

  /** Runs `statements` (view set-up), then `query`, then `cleanup`; stops it at `timeoutMs`. */
  async run(statements: string[], query: string, cleanup: string[], options: { timeoutMs: number; params?: Record<string, string | number | boolean | null> }): Promise<{ columns: string[]; rows: Cell[][] }> {
    if (!this.child) await this.ensure([...this.loaded.values()]);
    const child = this.child;
    const { response } = this.request({ op: 'run', statements, query, cleanup, ...(options.params ? { params: options.params } : {}) });
    let timedOut = false;
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child?.send({ id: 0, op: 'interrupt' } satisfies EngineRequest);
      // An interrupt lands between DuckDB's pipeline steps; a process that does not answer goes.
      killer = setTimeout(() => this.child === child && child?.kill('SIGKILL'), 5_000);
      killer.unref();
    }, options.timeoutMs);
    try {
      const r = await response;
      if (r.ok) return { columns: r.columns ?? [], rows: r.rows ?? [] };
      if (timedOut || r.kind === 'interrupted') throw new EngineError('timeout', r.error);
      throw new EngineError(r.kind === 'memory' ? 'memory' : 'error', r.error);
    } catch (error) {
      if (timedOut && error instanceof EngineError && error.kind === 'crashed') throw new EngineError('timeout', error.message);
      throw error;
    } finally {
      // The run answered (or the engine died): whatever runs next must not be killed for it.
      clearTimeout(timer);
      clearTimeout(killer);
    }
  }

  /** Interrupts whatever runs now (a cancelled job). */
  interrupt(): void {
    this.child?.send({ id: 0, op: 'interrupt' } satisfies EngineRequest);
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
    this.loaded.clear();
  }
}
