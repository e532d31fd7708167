// Builds the web console (src/web) into dist/web, which both nodes serve at `/`
// (src/server/console-static.ts). `npm run dev:web` serves it with hot reload and forwards
// API calls to a node on TDS_CONSOLE_API (default: the demo operator on 7070).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const api = process.env.TDS_CONSOLE_API ?? 'http://127.0.0.1:7070';
const proxied = ['/api', '/ledger', '/docs', '/.well-known'];

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  resolve: { alias: { crypto: fileURLToPath(new URL('./src/web/ledger/node-crypto-shim.ts', import.meta.url)) } },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: api, changeOrigin: true }])),
  },
});
