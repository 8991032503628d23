// threatcard service worker. threatcard build fills in the two template
// fields; go-app's app.js registers this file and shows the update prompt
// when a new worker activates.
//
// Differences from go-app's default worker, and why:
// - install waits for the precache (event.waitUntil), so one missing file
//   fails the install loudly instead of activating with an empty cache;
// - precache requests are revalidated with the server (cache: "no-cache"),
//   so a new version never stores a file an HTTP cache kept from the old
//   one, while a file the page has just downloaded (app.wasm, on a first
//   visit) comes back as a 304 rather than a second download;
// - the cache name includes the worker's scope, and activation deletes only
//   this app's older caches, so apps sharing an origin (GitHub Pages project
//   sites) keep theirs;
// - navigations ignore the query string and fall back to the cached start
//   page, so any link into the app opens offline;
// - only same-origin GET requests are answered; nothing cross-origin is
//   cached;
// - no clients.claim(): the first page stays uncontrolled (everything it
//   needs is cached by then, and the next load is served offline). Claiming
//   it would make go-app's app.js, which takes "a worker activated while a
//   controller exists" as an update, show the reload prompt on the very first
//   visit. An update still reaches open pages: skipWaiting hands them to the
//   new worker, and web/update-watch.js offers it on an uncontrolled page.
const version = "{{.Version}}";
const cachePrefix = "threatcard:" + self.registration.scope + ":";
const cacheName = cachePrefix + version;
const precache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await cache.addAll(precache.map((url) => new Request(url, { cache: "no-cache" })));
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(cachePrefix) && key !== cacheName) {
          await caches.delete(key);
        }
      }
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(answer(request));
});

async function answer(request) {
  const cache = await caches.open(cacheName);
  const navigation = request.mode === "navigate";
  const cached = await cache.match(request, { ignoreSearch: navigation });
  if (cached) {
    return cached;
  }
  try {
    return await fetch(request);
  } catch (err) {
    if (navigation) {
      const start = await cache.match(self.registration.scope);
      if (start) {
        return start;
      }
    }
    throw err;
  }
}
