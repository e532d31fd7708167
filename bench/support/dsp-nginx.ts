// A private nginx (the Debian package) serving one directory on a loopback port: the baseline of
// the data-plane throughput in bench/dsp.ts. Own config and temp paths in a temp dir, `daemon off`
// so the bench owns the master process, 2 workers, sendfile, no access log.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePortRange } from '../../test/support/free-port.js';
import { stopProcess } from '../../test/support/run-cli.js';
import { waitFor } from '../../test/support/wait-for.js';

export interface BenchNginx {
  url: string;
  version: string;
  /** The master's and its workers' process ids, for their CPU time. */
  pids(): number[];
  stop(): Promise<void>;
}

function nginxBinary(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) if (fs.existsSync(candidate)) return candidate;
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

/** nginx serving `root` on 127.0.0.1; undefined (with the reason on stderr) when there is no nginx. */
export async function startNginx(root: string): Promise<BenchNginx | undefined> {
  const binary = nginxBinary();
  if (!binary) {
    process.stderr.write('nginx not found: install the Debian package (apt-get install -y nginx-light) for the baseline\n');
    return undefined;
  }
  const version = spawnSync(binary, ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version:\s*/, '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-bench-nginx-'));
  const port = await freePortRange(1);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  const conf = [
    'daemon off;',
    // As root, workers would switch to `nobody`; keep them as the bench's user so they read what it wrote.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'worker_processes 2;',
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    '  default_type application/octet-stream;',
    '  sendfile on;',
    '  tcp_nopush on;',
    '  access_log off;',
    '  keepalive_timeout 65;',
    `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
    `  server { listen 127.0.0.1:${port}; root ${root}; location / { } }`,
    '}',
  ].join('\n');
  const confFile = path.join(dir, 'nginx.conf');
  fs.writeFileSync(confFile, conf);
  const child: ChildProcess = spawn(binary, ['-p', dir, '-c', confFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => child.exitCode !== null || (await fetch(`${url}/`).then(() => true, () => false)), 10_000, `nginx at ${url}`);
    if (child.exitCode !== null) throw new Error(`nginx exited: ${output}${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
  } catch (error) {
    await stopProcess(child);
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    version,
    pids: () => {
      const master = child.pid!;
      const children = fs.readFileSync(`/proc/${master}/task/${master}/children`, 'utf8').trim();
      return [master, ...children.split(/\s+/).filter(Boolean).map(Number)];
    },
    stop: async () => {
      // SIGQUIT: graceful shutdown of the master and its workers.
      await stopProcess(child, 'SIGQUIT');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
