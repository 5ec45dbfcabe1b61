// Lives in the node module, not in client/: the J2CL build compiles every .js among the client's
// resources into the app bundle, and this file must stay a file of its own.
// River's service worker: keeps the shell page, so that a tab opened (or reloaded) while the node
// is down still loads the shell, which says the server cannot be reached and keeps trying, instead
// of the browser's error page. Network first: while the node answers, every request goes to it
// and the copy is refreshed; the copy is used only when the network fails. Only the shell's own
// three files are kept; the app frame (an opaque origin) and everything else pass untouched.
const CACHE = 'river-shell-1';
const SHELL = ['/', '/shell.css', '/river.js'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin
      || !SHELL.includes(url.pathname)) {
    return;
  }
  event.respondWith(fetch(event.request).then(response => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(cache => cache.put(url.pathname, copy)));
    }
    return response;
  }).catch(() => caches.match(url.pathname).then(kept => kept || Response.error())));
});
