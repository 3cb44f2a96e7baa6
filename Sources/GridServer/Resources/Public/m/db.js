// IndexedDB for the phone app: everything the worker does or needs offline lives here, so closing
// the page or restarting the phone loses nothing. Small promise wrappers, no library.
"use strict";
var GG = window.GG || (window.GG = {});

GG.db = (function () {
  var NAME = "gridgov-m";
  var VERSION = 1;
  // kv: token, user, sync cursor, patrol state, type usage; queue: writes waiting for the server;
  // blobs: photos until their report is sent; the rest: caches refreshed by the delta sync.
  var STORES = {
    kv: null, queue: "id", blobs: "id", buildings: "id", rooms: "id", people: "id", events: "id", grids: "id",
  };
  var opening = null;

  function open() {
    if (opening) return opening;
    opening = new Promise(function (resolve, reject) {
      var request = indexedDB.open(NAME, VERSION);
      request.onupgradeneeded = function () {
        var db = request.result;
        Object.keys(STORES).forEach(function (name) {
          if (db.objectStoreNames.contains(name)) return;
          var store = STORES[name] ? db.createObjectStore(name, { keyPath: STORES[name] }) : db.createObjectStore(name);
          if (name === "queue") store.createIndex("seq", "seq", { unique: true });
        });
      };
      request.onsuccess = function () {
        var db = request.result;
        // Another tab upgraded the schema: let it, and reopen on next use.
        db.onversionchange = function () { db.close(); opening = null; };
        resolve(db);
      };
      request.onerror = function () { opening = null; reject(request.error); };
    });
    return opening;
  }

  function done(tx) {
    return new Promise(function (resolve, reject) {
      tx.oncomplete = function () { resolve(); };
      tx.onerror = function () { reject(tx.error); };
      tx.onabort = function () { reject(tx.error || new Error("transaction aborted")); };
    });
  }

  function req(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }

  /// Runs `work(stores)` in one transaction over `names`; resolves with its result once committed.
  async function tx(names, mode, work) {
    var db = await open();
    var t = db.transaction(names, mode);
    var stores = {};
    names.forEach(function (n) { stores[n] = t.objectStore(n); });
    var result = await work(stores, req);
    await done(t);
    return result;
  }

  return {
    open: open,
    tx: tx,
    get: function (store, key) { return tx([store], "readonly", function (s) { return req(s[store].get(key)); }); },
    getAll: function (store) { return tx([store], "readonly", function (s) { return req(s[store].getAll()); }); },
    put: function (store, value, key) {
      return tx([store], "readwrite", function (s) { return req(key === undefined ? s[store].put(value) : s[store].put(value, key)); });
    },
    del: function (store, key) { return tx([store], "readwrite", function (s) { return req(s[store].delete(key)); }); },
    /// Upserts many records by id (delta sync answers may repeat records).
    putAll: function (store, values) {
      return tx([store], "readwrite", function (s) {
        values.forEach(function (v) { s[store].put(v); });
      });
    },
    clear: function (store) { return tx([store], "readwrite", function (s) { return req(s[store].clear()); }); },
    kv: {
      get: function (key) { return GG.db.get("kv", key); },
      set: function (key, value) { return GG.db.put("kv", value, key); },
      del: function (key) { return GG.db.del("kv", key); },
    },
  };
})();
