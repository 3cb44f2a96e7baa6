// The service worker of the phone app (scope /m/): it keeps the app shell so the app opens with
// no network at all. The API is never cached here — offline data lives in IndexedDB, and writes
// go through the app's own queue — so API calls pass straight through to the network.
"use strict";
// Change with every release of the files below: the old cache is dropped on activation.
var VERSION = "gridgov-m-8";
var SHELL = [
  "/m/", "/m/app.css", "/m/checks.js", "/m/db.js", "/m/queue.js", "/m/sync.js", "/m/patrol.js", "/m/app.js",
  "/m/report.js", "/m/screens.js", "/m/collect.js", "/m/manifest.webmanifest", "/m/icon.svg", "/m/icon-maskable.svg",
];
// Debian's Leaflet, when the server has it: the map is a help, not a requirement.
var OPTIONAL = ["/javascript/leaflet/leaflet.js", "/javascript/leaflet/leaflet.css"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(VERSION).then(function (cache) {
    return cache.addAll(SHELL.map(function (u) { return new Request(u, { cache: "reload" }); })).then(function () {
      return Promise.all(OPTIONAL.map(function (u) { return cache.add(new Request(u, { cache: "reload" })).catch(function () {}); }));
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("gridgov-m-") === 0 && k !== VERSION; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function cacheable(url) {
  return url.origin === self.location.origin && (url.pathname.indexOf("/m/") === 0 || url.pathname === "/m" || url.pathname.indexOf("/javascript/leaflet/") === 0);
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (!cacheable(url)) return; // the API and everything else: the network, untouched
  // Any navigation inside the app is the one shell (the screens are hash routes).
  var key = request.mode === "navigate" ? "/m/" : url.pathname;
  // Cache first so the app opens at once, even in a basement; refreshed in the background so
  // the next start has the newest shell.
  event.respondWith(caches.open(VERSION).then(function (cache) {
    return cache.match(key).then(function (hit) {
      var refresh = fetch(request.mode === "navigate" ? "/m/" : request).then(function (response) {
        if (response.ok) cache.put(key, response.clone());
        return response;
      });
      if (hit) {
        event.waitUntil(refresh.catch(function () {}));
        return hit;
      }
      return refresh;
    });
  }));
});
