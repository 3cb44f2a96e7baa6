// The patrol log on the phone (巡查): start, a sampled and bounded GPS track, stop. Each change is
// queued as PUT /api/v1/patrols/{id} carrying the patrol's state (start, the fixes since the last
// send, the events reported on the way, the stop), so a replay changes nothing twice.
"use strict";
var GG = window.GG || (window.GG = {});

GG.patrol = (function () {
  var STANDARD = 4 * 3600;       // 每天巡查不少于 4 小时
  var MIN_GAP_MS = 10000;        // at most one fix per 10 s …
  var MIN_MOVE_M = 15;           // … and only after 15 m, or a minute standing still
  var STILL_MS = 60000;
  var WORST_ACCURACY_M = 100;    // worse fixes say nothing about where the worker walked
  var MAX_POINTS = 2880;         // what the server keeps at most per patrol
  var SEND_EVERY = 20;           // fixes per send, or …
  var SEND_AFTER_MS = 5 * 60000; // … every five minutes
  var watch = null;

  async function state() { return GG.db.kv.get("patrol"); }

  async function log() { return (await GG.db.kv.get("patrolLog")) || []; }

  async function start() {
    if (await state()) return state();
    var user = await GG.db.kv.get("user");
    var now = new Date();
    var patrol = { id: GG.uuid(), startedAt: GG.wireTime(now), grid: user && user.unit ? user.unit.code : null, buffer: [], events: [], recorded: 0, lastSent: Date.now(), last: null };
    await GG.db.kv.set("patrol", patrol);
    var entries = await log();
    entries.push({ id: patrol.id, startedAt: patrol.startedAt, endedAt: null });
    await GG.db.kv.set("patrolLog", entries.slice(-50));
    await send(patrol, null);
    follow();
    GG.events.emit("patrol-changed");
    return patrol;
  }

  async function stop() {
    var patrol = await state();
    if (!patrol) return;
    unfollow();
    var end = GG.wireTime();
    await send(patrol, end);
    await GG.db.kv.del("patrol");
    var entries = await log();
    entries.forEach(function (e) { if (e.id === patrol.id) e.endedAt = end; });
    await GG.db.kv.set("patrolLog", entries);
    GG.events.emit("patrol-changed");
  }

  /// Queues the patrol's state with the fixes gathered since the last send.
  async function send(patrol, endedAt) {
    var body = { started_at: patrol.startedAt, points: patrol.buffer, events: patrol.events };
    if (patrol.grid) body.grid = patrol.grid;
    if (endedAt) body.ended_at = endedAt;
    patrol.buffer = [];
    patrol.lastSent = Date.now();
    if (!endedAt) await GG.db.kv.set("patrol", patrol);
    await GG.queue.enqueue({
      id: GG.uuid(), method: "PUT", path: "/api/v1/patrols/" + patrol.id, body: body, kind: "patrol",
      label: endedAt ? "结束巡查" : (body.points.length ? "巡查轨迹 " + body.points.length + " 点" : "开始巡查"),
    });
  }

  /// An event reported on the way: linked to the patrol at once.
  async function linkEvent(eventID) {
    var patrol = await state();
    if (!patrol) return false;
    if (patrol.events.indexOf(eventID) < 0) patrol.events.push(eventID);
    await GG.db.kv.set("patrol", patrol);
    await send(patrol, null);
    return true;
  }

  async function onFix(position) {
    var c = position.coords;
    if (c.accuracy && c.accuracy > WORST_ACCURACY_M) return;
    var patrol = await state();
    if (!patrol || patrol.recorded >= MAX_POINTS) return;
    var at = position.timestamp || Date.now();
    var here = [c.longitude, c.latitude];
    if (patrol.last) {
      var gap = at - patrol.last.at;
      var moved = GG.geo.distance([patrol.last.lon, patrol.last.lat], here);
      if (gap < MIN_GAP_MS || (moved < MIN_MOVE_M && gap < STILL_MS)) return;
    }
    var point = { at: GG.wireTime(new Date(at)), lon: c.longitude, lat: c.latitude };
    if (c.accuracy) point.accuracy = Math.round(c.accuracy);
    patrol.last = { at: at, lon: c.longitude, lat: c.latitude };
    patrol.buffer.push(point);
    patrol.recorded += 1;
    GG.events.emit("patrol-fix", patrol);
    if (patrol.buffer.length >= SEND_EVERY || Date.now() - patrol.lastSent > SEND_AFTER_MS) {
      await send(patrol, null);
    } else {
      await GG.db.kv.set("patrol", patrol);
    }
  }

  function follow() {
    if (watch !== null || !navigator.geolocation) return;
    watch = navigator.geolocation.watchPosition(onFix, function () { /* no fix now; keep watching */ },
      { enableHighAccuracy: true, maximumAge: 5000, timeout: 60000 });
  }

  function unfollow() {
    if (watch !== null && navigator.geolocation) navigator.geolocation.clearWatch(watch);
    watch = null;
  }

  /// Seconds patrolled today (local day): this phone's own log, and the server's count of
  /// patrols this phone does not know (another phone, an earlier install), one entry per patrol.
  async function todaySeconds() {
    var from = new Date(); from.setHours(0, 0, 0, 0);
    var to = new Date(from.getTime() + 86400000);
    var now = Date.now();
    var byID = {};
    var kept = await GG.db.kv.get("patrolsToday");
    if (kept && kept.body && kept.body.day === localDay(from)) {
      (kept.body.items || []).forEach(function (p) { byID[p.id] = { startedAt: p.started_at, endedAt: p.ended_at }; });
    }
    (await log()).forEach(function (e) { byID[e.id] = e; });
    var total = 0;
    Object.keys(byID).forEach(function (id) {
      var e = byID[id];
      var start = Date.parse(e.startedAt);
      var end = e.endedAt ? Date.parse(e.endedAt) : Math.min(now, start + 14 * 3600000);
      total += Math.max(0, Math.min(end, to.getTime()) - Math.max(start, from.getTime())) / 1000;
    });
    return total;
  }

  function localDay(d) {
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  /// Keeps the server's view of today's patrols for the figure above.
  async function refreshToday() {
    try { await GG.sync.cached("patrolsToday", "/api/v1/patrols?day=" + localDay(new Date())); } catch (e) { /* offline or refused */ }
  }

  /// After a reload: a running patrol goes on recording.
  async function resume() { if (await state()) follow(); }

  return {
    STANDARD: STANDARD, start: start, stop: stop, state: state, linkEvent: linkEvent, todaySeconds: todaySeconds,
    refreshToday: refreshToday, resume: resume, onFix: onFix,
  };
})();
