// sm-crypto-v2 falls back to `import('crypto')` when globalThis.crypto is missing, which never
// happens in a browser. Vite points that import here instead of warning on every build.
export const webcrypto = globalThis.crypto;
