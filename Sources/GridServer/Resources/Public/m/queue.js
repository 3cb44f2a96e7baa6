// The API with the worker's bearer token, and the offline queue — the same protocol as
// GridClient's OfflineQueue: every write carries a client-made id, items go out in order, one at
// a time; no answer / 5xx / 408 / 429 → tried again later with capped exponential back-off and
// nothing behind it overtakes it; 409 → kept as a conflict with the server's current state for a
// person to resolve; other 4xx → kept as failed with the field; 2xx → done. A replay whose first
// answer was lost is answered by the server with the original record (200 instead of 201).
"use strict";
var GG = window.GG || (window.GG = {});

GG.api = (function () {
  async function token() { return GG.db.kv.get("token"); }

  /// One call; resolves {status, body (parsed JSON or text)} or rejects when there is no answer.
  async function call(method, path, body, contentType) {
    var headers = { "Accept": "application/json", "Accept-Language": "zh-CN" };
    var t = await token();
    if (t) headers.Authorization = "Bearer " + t;
    var payload;
    if (body !== undefined && body !== null) {
      headers["Content-Type"] = contentType || "application/json";
      payload = typeof body === "string" ? body : JSON.stringify(body);
    }
    var response = await fetch(path, { method: method, headers: headers, body: payload, cache: "no-store", credentials: "omit" });
    var text = await response.text();
    var parsed = text;
    try { parsed = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
    return { status: response.status, body: parsed };
  }

  /// A read: resolves the body of a 2xx, else rejects with {status, body}.
  async function get(path) {
    var answer = await call("GET", path);
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    var error = new Error("HTTP " + answer.status);
    error.status = answer.status;
    error.body = answer.body;
    if (answer.status === 401) GG.events.emit("signin-needed");
    throw error;
  }

  return { call: call, get: get };
})();

/// A tiny event bus between the queue, the sync and the screens.
GG.events = (function () {
  var handlers = {};
  return {
    on: function (name, fn) { (handlers[name] = handlers[name] || []).push(fn); },
    emit: function (name, data) { (handlers[name] || []).forEach(function (fn) { try { fn(data); } catch (e) { console.error(e); } }); },
  };
})();

GG.queue = (function () {
  // Back-off as GridClient's RetryPolicy: 2 s doubling to 10 min, ±20 % jitter.
  var INITIAL = 2000, MULTIPLIER = 2, MAXIMUM = 600000, JITTER = 0.2;
  var flushing = false;
  var again = false;
  var timer = null;

  function delay(attempt) {
    var base = Math.min(MAXIMUM, INITIAL * Math.pow(MULTIPLIER, Math.max(attempt, 1) - 1));
    var spread = base * JITTER * (2 * Math.random() - 1);
    return Math.min(MAXIMUM, Math.max(0, base + spread));
  }

  /// Queues a write. `item`: {id, method, path, body, contentType?, kind, label, photos?: [blob ids], meta?}.
  /// The same id queued twice is one item (the first).
  async function enqueue(item) {
    var user = await GG.db.kv.get("user");
    var stored = await GG.db.tx(["queue"], "readwrite", async function (s, req) {
      var existing = await req(s.queue.get(item.id));
      if (existing) return existing;
      var all = await req(s.queue.getAll());
      var seq = all.reduce(function (m, x) { return Math.max(m, x.seq); }, 0) + 1;
      var record = Object.assign({
        seq: seq, state: "pending", attempts: 0, nextAttemptAt: 0, lastError: null, answer: null,
        createdAt: GG.wireTime(), userID: user ? user.id : null,
      }, item);
      s.queue.put(record);
      return record;
    });
    GG.events.emit("queue-changed");
    flushSoon();
    return stored;
  }

  async function all() {
    var items = await GG.db.getAll("queue");
    return items.sort(function (a, b) { return a.seq - b.seq; });
  }

  async function counts() {
    var c = { pending: 0, done: 0, conflict: 0, failed: 0 };
    (await GG.db.getAll("queue")).forEach(function (x) { c[x.state] += 1; });
    return c;
  }

  function blobToBase64(blob) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result).replace(/^data:[^,]*,/, "")); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(blob);
    });
  }

  /// The body as sent: photos kept as Blobs are read and encoded only now, at send time.
  async function wireBody(item) {
    if (!item.photos || !item.photos.length) return item.body;
    var body = Object.assign({}, item.body);
    body.photos = [];
    for (var i = 0; i < item.photos.length; i++) {
      var stored = await GG.db.get("blobs", item.photos[i]);
      if (stored) body.photos.push(await blobToBase64(stored.blob));
    }
    return body;
  }

  async function save(item) {
    await GG.db.put("queue", item);
    GG.events.emit("queue-changed");
  }

  function summary(answer) {
    var b = answer.body;
    if (b && typeof b === "object") {
      var fields = (b.errors || []).map(function (e) { return e.field + "：" + e.reason; });
      return (b.message || b.error || ("HTTP " + answer.status)) + (fields.length ? "（" + fields.join("；") + "）" : "");
    }
    return "HTTP " + answer.status + (b ? "：" + String(b).slice(0, 200) : "");
  }

  /// What the screens keep of an answer: small, but enough to show where a report now stands.
  function keep(answer) {
    var b = answer.body;
    if (b && typeof b === "object") {
      var kept = {};
      ["id", "number", "state", "state_label", "version", "checked", "done", "error", "message", "field", "errors", "current"].forEach(function (k) {
        if (b[k] !== undefined) kept[k] = b[k];
      });
      if (kept.current) {
        kept.current = { id: b.current.id, number: b.current.number, state: b.current.state, state_label: b.current.state_label, version: b.current.version };
      }
      return { status: answer.status, body: kept };
    }
    return { status: answer.status, body: typeof b === "string" ? b.slice(0, 500) : null };
  }

  /// Sends what may be sent now, in order; stops at the first item that must wait.
  async function flush() {
    // Asked while a flush runs: run once more after it, so nothing queued meanwhile waits.
    if (flushing) { again = true; return; }
    if (!navigator.onLine) { GG.events.emit("queue-changed"); return; }
    flushing = true;
    again = false;
    try {
      // One tab at a time: two tabs flushing together would send an item twice (harmless, the ids
      // make it idempotent, but wasteful).
      if (navigator.locks && navigator.locks.request) {
        await navigator.locks.request("gridgov-m-queue", { ifAvailable: true }, function (lock) { return lock ? run() : null; });
      } else {
        await run();
      }
    } finally {
      flushing = false;
    }
    if (again) flushSoon();
  }

  async function run() {
    var user = await GG.db.kv.get("user");
    if (!user || !(await GG.db.kv.get("token"))) return;
    for (;;) {
      var items = await all();
      var next = items.find(function (x) { return x.state === "pending" && (!x.userID || x.userID === user.id); });
      if (!next) return;
      var now = Date.now();
      if (next.nextAttemptAt > now) { schedule(next.nextAttemptAt - now); return; }
      next.attempts += 1;
      next.lastAttemptAt = GG.wireTime();
      // Count the attempt before sending: a page closed mid-flight still backs off next time.
      await save(next);
      var answer;
      try {
        answer = await GG.api.call(next.method, next.path, await wireBody(next), next.contentType);
      } catch (e) {
        await retryLater(next, "网络不可用（" + (e && e.message ? e.message : e) + "）");
        return;
      }
      var s = answer.status;
      next.answer = keep(answer);
      if (s >= 200 && s < 300) {
        next.state = "done";
        next.lastError = null;
        next.doneAt = GG.wireTime();
        await save(next);
        for (var i = 0; i < (next.photos || []).length; i++) await GG.db.del("blobs", next.photos[i]);
        GG.events.emit("item-done", next);
      } else if (s === 401) {
        await retryLater(next, "登录已过期，请重新登录");
        GG.events.emit("signin-needed");
        return;
      } else if (s === 408 || s === 425 || s === 429 || s >= 500) {
        await retryLater(next, summary(answer));
        return;
      } else if (s === 409) {
        next.state = "conflict";
        next.lastError = summary(answer);
        await save(next);
      } else {
        next.state = "failed";
        next.lastError = summary(answer);
        await save(next);
      }
    }
  }

  async function retryLater(item, reason) {
    var wait = delay(item.attempts);
    item.nextAttemptAt = Date.now() + wait;
    item.lastError = reason;
    await save(item);
    schedule(wait);
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(ms, 250));
  }

  function flushSoon() { schedule(50); }

  /// The network is back: every waiting item is due now.
  async function retryNow() {
    var items = await all();
    for (var i = 0; i < items.length; i++) {
      if (items[i].state === "pending" && items[i].nextAttemptAt) {
        items[i].nextAttemptAt = 0;
        await GG.db.put("queue", items[i]);
      }
    }
    flushSoon();
  }

  /// Sends a set-aside item again at its place in the order, optionally with a corrected body.
  async function retry(id, body) {
    var item = await GG.db.get("queue", id);
    if (!item || (item.state !== "conflict" && item.state !== "failed")) return;
    if (body) item.body = body;
    item.state = "pending";
    item.attempts = 0;
    item.nextAttemptAt = 0;
    await save(item);
    flushSoon();
  }

  /// A person gave up a set-aside write.
  async function discard(id) {
    var item = await GG.db.get("queue", id);
    if (!item) return;
    for (var i = 0; i < (item.photos || []).length; i++) await GG.db.del("blobs", item.photos[i]);
    await GG.db.del("queue", id);
    GG.events.emit("queue-changed");
  }

  /// Done items older than a week are forgotten (the sync keeps where reports stand), and so are
  /// photos of reports abandoned before they were queued (a day old and in no queued item).
  async function prune() {
    var cutoff = Date.now() - 7 * 86400000;
    var items = await all();
    var kept = {};
    for (var i = 0; i < items.length; i++) {
      if (items[i].state === "done" && Date.parse(items[i].doneAt || items[i].createdAt) < cutoff) await GG.db.del("queue", items[i].id);
      (items[i].photos || []).forEach(function (id) { kept[id] = true; });
    }
    var blobs = await GG.db.getAll("blobs");
    for (var j = 0; j < blobs.length; j++) {
      if (!kept[blobs[j].id] && Date.parse(blobs[j].at) < Date.now() - 86400000) await GG.db.del("blobs", blobs[j].id);
    }
  }

  return {
    enqueue: enqueue, all: all, counts: counts, flush: flush, retryNow: retryNow, retry: retry, discard: discard, prune: prune,
  };
})();
