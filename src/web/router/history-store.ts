// A very small history router: the console has a handful of pages, so it needs no library.
// Paths avoid the API prefixes the server keeps for itself (/api, /ledger, /docs, ...), which is
// why the ledger page lives at /evidence.

const listeners = new Set<() => void>();
let snapshot = { path: '', search: '' };

function read() {
  const { pathname, search } = window.location;
  if (pathname !== snapshot.path || search !== snapshot.search) snapshot = { path: pathname, search };
  return snapshot;
}

function notify() {
  listeners.forEach((listener) => listener());
}

window.addEventListener('popstate', notify);

export const historyStore = {
  get: read,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}
