// The offline caches, refreshed by the delta sync (GET /api/v1/sync?since=): the admission list,
// the worker's grids, buildings, rooms, residents (masked) and where the worker's reports stand.
// Records may come twice; they are upserted by id. Also the lists read online and kept for
// offline use: visits due, events to verify, the inbox, today's patrols.
"use strict";
var GG = window.GG || (window.GG = {});

GG.sync = (function () {
  var running = null;

  async function pull() {
    if (running) return running;
    running = (async function () {
      var cursor = await GG.db.kv.get("syncCursor");
      var delta = await GG.api.get("/api/v1/sync" + (cursor ? "?since=" + encodeURIComponent(cursor) : ""));
      if (delta.full) {
        // A full answer replaces the caches (the area may have changed).
        await Promise.all(["buildings", "rooms", "people", "grids"].map(function (s) { return GG.db.clear(s); }));
      }
      if (delta.event_types) await GG.db.kv.set("eventTypes", delta.event_types);
      if (delta.grids) {
        await GG.db.clear("grids");
        await GG.db.putAll("grids", delta.grids);
      }
      await GG.db.putAll("buildings", delta.buildings || []);
      await GG.db.putAll("rooms", delta.rooms || []);
      await GG.db.putAll("people", delta.people || []);
      await GG.db.putAll("events", delta.events || []);
      await GG.db.kv.set("syncCursor", delta.cursor);
      await GG.db.kv.set("syncedAt", GG.wireTime());
      GG.events.emit("synced", delta);
      return delta;
    })();
    try { return await running; } finally { running = null; }
  }

  /// A list read online and kept for offline use under `key`; offline, the kept copy.
  async function cached(key, path) {
    if (navigator.onLine) {
      try {
        var body = await GG.api.get(path);
        await GG.db.kv.set(key, { at: GG.wireTime(), body: body });
        return { body: body, fresh: true };
      } catch (e) {
        if (e.status && e.status !== 401 && e.status < 500) throw e;
      }
    }
    var kept = await GG.db.kv.get(key);
    return kept ? { body: kept.body, fresh: false, at: kept.at } : { body: null, fresh: false };
  }

  /// Reportable items of the admission list, flattened, with their category's name.
  async function eventTypes() {
    var tree = await GG.db.kv.get("eventTypes");
    var out = [];
    function walk(nodes, path) {
      (nodes || []).forEach(function (n) {
        if (n.reportable && n.type) out.push({ code: n.type.code, name: n.type.name, group: path.join(" / "), attributes: n.type.requiredAttributes || [] });
        walk(n.children, n.reportable ? path : path.concat([n.type ? n.type.name : ""]));
      });
    }
    walk(tree ? tree.items : [], []);
    return out;
  }

  return { pull: pull, cached: cached, eventTypes: eventTypes };
})();
