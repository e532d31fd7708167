// The download clients of bench/dsp.ts, used alike for the connector's data plane and for nginx:
// Node's http.get reading and discarding the body (the client the issue names), and curl writing
// to /dev/null (a client in C, to tell the servers' limit from the Node client's).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';

export interface Downloaded {
  bytes: number;
  seconds: number;
  /** Hex SHA-256 of the body, when asked for. */
  sha256?: string;
  etag?: string;
}

/** GETs `url` with Node's http client; the body is counted (and hashed if asked) and dropped. */
export function nodeDownload(url: string, headers: Record<string, string>, hash = false): Promise<Downloaded> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const digest = hash ? createHash('sha256') : undefined;
    const request = http.get(url, { headers, agent: false }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`GET ${url}: HTTP ${response.statusCode}`));
        return;
      }
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        digest?.update(chunk);
      });
      response.on('end', () => {
        const etag = response.headers.etag;
        resolve({ bytes, seconds: Number(process.hrtime.bigint() - start) / 1e9, ...(digest ? { sha256: digest.digest('hex') } : {}), ...(etag ? { etag } : {}) });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export const curlAvailable = (): boolean => spawnSync('curl', ['--version'], { stdio: 'ignore' }).status === 0;

/** GETs `url` with curl into /dev/null; curl's own transfer time. */
export function curlDownload(url: string, headers: Record<string, string>): Promise<Downloaded> {
  return new Promise((resolve, reject) => {
    const args = ['-s', '-S', '-o', '/dev/null', '-w', '%{http_code} %{size_download} %{time_total}', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
    const child = spawn('curl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const [status, size, time] = out.trim().split(' ');
      if (code !== 0 || status !== '200') reject(new Error(`curl ${url}: exit ${code}, ${out.trim()}`));
      else resolve({ bytes: Number(size), seconds: Number(time) });
    });
  });
}
