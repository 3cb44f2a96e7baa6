// The app shell: sign-in, the header that always shows the queue ("3 条待上传"), the network and
// today's patrol time against 4 hours, the bottom tabs and the hash router. Screens register in
// GG.screens and render into <main>.
"use strict";
var GG = window.GG || (window.GG = {});

GG.esc = function (s) {
  return String(s === undefined || s === null ? "" : s).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
};
GG.$ = function (sel, root) { return (root || document).querySelector(sel); };
GG.$$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

GG.toast = function (text, bad) {
  var el = GG.$("#toast");
  el.textContent = text;
  el.className = "show" + (bad ? " bad" : "");
  clearTimeout(GG.toast.timer);
  GG.toast.timer = setTimeout(function () { el.className = ""; }, 3200);
};

/// "2 小时 05 分" for seconds.
GG.duration = function (seconds) {
  var m = Math.floor(seconds / 60);
  return Math.floor(m / 60) + " 小时 " + String(m % 60).padStart(2, "0") + " 分";
};

GG.localTime = function (iso) {
  if (!iso) return "";
  var d = new Date(iso);
  return (d.getMonth() + 1) + "月" + d.getDate() + "日 " + String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
};

/// Leaflet from Debian (/javascript/leaflet), loaded when a screen wants a map; null without it.
GG.leaflet = function () {
  if (window.L) return Promise.resolve(window.L);
  if (GG.leaflet.loading) return GG.leaflet.loading;
  GG.leaflet.loading = new Promise(function (resolve) {
    var s = document.createElement("script");
    s.src = "/javascript/leaflet/leaflet.js";
    s.onload = function () { resolve(window.L || null); };
    s.onerror = function () { GG.leaflet.loading = null; resolve(null); };
    document.head.appendChild(s);
  });
  return GG.leaflet.loading;
};

GG.screens = {};

/// Shows screen `hash`, rendering it again when it is already the current one.
GG.go = function (hash) {
  if (location.hash === hash) GG.app.route(); else location.hash = hash;
};

GG.app = (function () {
  var current = null;

  async function header() {
    var c = await GG.queue.counts();
    var badge = GG.$("#queue-badge");
    var waiting = c.pending;
    var attention = c.conflict + c.failed;
    badge.textContent = waiting ? waiting + " 条待上传" : (attention ? "" : "已全部上传");
    if (attention) badge.textContent += (waiting ? " · " : "") + attention + " 条需处理";
    badge.className = "badge" + (attention ? " bad" : waiting ? " wait" : " ok");
    badge.dataset.pending = String(waiting);
    badge.dataset.attention = String(attention);
    var net = GG.$("#net");
    net.textContent = navigator.onLine ? "在线" : "离线";
    net.className = "net " + (navigator.onLine ? "on" : "off");
    var user = await GG.db.kv.get("user");
    GG.$("#grid-name").textContent = user && user.unit ? user.unit.name : "";
    await patrolStrip();
  }

  async function patrolStrip() {
    var seconds = await GG.patrol.todaySeconds();
    var running = await GG.patrol.state();
    GG.$("#patrol-today").textContent = GG.duration(seconds);
    GG.$("#patrol-meter").style.width = Math.min(100, seconds / GG.patrol.STANDARD * 100) + "%";
    GG.$("#patrol-strip").className = (seconds >= GG.patrol.STANDARD ? "met" : "") + (running ? " running" : "");
    GG.$("#patrol-running").textContent = running ? "巡查中" : "";
  }

  async function route() {
    var token = await GG.db.kv.get("token");
    var name = (location.hash || "#home").slice(1).split("/")[0] || "home";
    if (!token) name = "login";
    var screen = GG.screens[name] || GG.screens.home;
    // A fresh <main> per screen: no handler of the last screen lingers on it.
    var old = GG.$("#screen");
    var main = old.cloneNode(false);
    old.replaceWith(main);
    if (current && current.leave) { try { current.leave(); } catch (e) { console.warn(e); } }
    current = screen;
    document.body.dataset.screen = name;
    GG.$$("#tabs a").forEach(function (a) { a.classList.toggle("active", a.getAttribute("href") === "#" + name); });
    GG.$("#tabs").hidden = name === "login";
    window.scrollTo(0, 0);
    try {
      await screen.render(main, (location.hash.split("/")[1] || ""));
    } catch (e) {
      console.error(e);
      main.innerHTML = '<p class="error">页面出错：' + GG.esc(e.message || e) + "</p>";
    }
  }

  async function signIn(username, password) {
    var answer = await GG.api.call("POST", "/api/v1/auth/login", { username: username, password: password });
    if (answer.status !== 200) throw new Error(answer.body && answer.body.message ? answer.body.message : "登录失败（" + answer.status + "）");
    var previous = await GG.db.kv.get("user");
    await GG.db.kv.set("token", answer.body.token);
    await GG.db.kv.set("user", answer.body.user);
    // Another worker on this phone: their caches are not this one's business (their queue stays
    // and is sent when they sign in again).
    if (previous && previous.id !== answer.body.user.id) {
      await GG.db.kv.del("syncCursor");
      for (var s of ["buildings", "rooms", "people", "events", "grids"]) await GG.db.clear(s);
      for (var k of ["visitsDue", "toVerify", "inbox", "patrolsToday", "organizations"]) await GG.db.kv.del(k);
    }
  }

  async function signOut() {
    var t = await GG.db.kv.get("token");
    if (t && navigator.onLine) { try { await GG.api.call("POST", "/api/v1/auth/logout"); } catch (e) { /* offline */ } }
    await GG.db.kv.del("token");
    location.hash = "#login";
  }

  /// Online again (or at start): send the queue, then pull what changed.
  async function online() {
    await header();
    if (!navigator.onLine || !(await GG.db.kv.get("token"))) return;
    await GG.queue.retryNow();
    await GG.queue.flush();
    try { await GG.sync.pull(); } catch (e) { if (e.status === 401) GG.events.emit("signin-needed"); }
    // The lists a worker opens in the field, kept for when the network is gone.
    var lists = [["visitsDue", "/api/v1/visits/due"], ["toVerify", "/api/v1/events?box=to_verify&per=50"], ["inbox", "/api/v1/inbox?per=20"], ["tasks", "/api/v1/tasks"]];
    for (var i = 0; i < lists.length; i++) {
      try { await GG.sync.cached(lists[i][0], lists[i][1]); } catch (e) { /* refused: keep the old copy */ }
    }
    await GG.patrol.refreshToday();
    await header();
    if (document.body.dataset.screen === "home") route();
    document.body.dataset.refreshed = GG.wireTime();
    GG.events.emit("refreshed");
  }

  async function start() {
    await GG.db.open();
    GG.events.on("queue-changed", header);
    GG.events.on("patrol-changed", header);
    GG.events.on("signin-needed", function () {
      GG.toast("登录已过期，请重新登录；未上传的记录会保留", true);
      GG.db.kv.del("token").then(function () { location.hash = "#login"; });
    });
    window.addEventListener("hashchange", route);
    window.addEventListener("online", function () { GG.toast("网络已恢复，正在上传"); online(); });
    window.addEventListener("offline", function () { header(); GG.toast("已离线：记录会保存在手机上，联网后自动上传"); });
    GG.$("#queue-badge").addEventListener("click", function () { location.hash = "#queue"; });
    setInterval(patrolStrip, 30000);
    // A periodic nudge: back-off timers may have been lost while the page slept.
    setInterval(function () { GG.queue.flush(); }, 30000);
    setInterval(function () { if (navigator.onLine) GG.sync.pull().catch(function () {}); }, 5 * 60000);
    await GG.queue.prune();
    await GG.patrol.resume();
    await header();
    await route();
    online();
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/m/sw.js", { scope: "/m/" }).catch(function (e) { console.warn("service worker", e); });
    }
  }

  return { start: start, route: route, header: header, signIn: signIn, signOut: signOut, online: online };
})();

GG.screens.login = {
  render: function (main) {
    main.innerHTML =
      '<form id="login" class="card login">' +
      '<img src="/m/icon.svg" alt="" width="72" height="72">' +
      "<h1>网格员登录</h1>" +
      '<label>用户名<input name="username" autocomplete="username" autocapitalize="off" required></label>' +
      '<label>密码<input name="password" type="password" autocomplete="current-password" required></label>' +
      '<p class="error" id="login-error"></p>' +
      '<button class="primary big" type="submit">登录</button>' +
      '<p class="hint">登录后，没有网络也能上报、巡查、走访，联网后自动上传。</p>' +
      "</form>";
    GG.$("#login").addEventListener("submit", async function (e) {
      e.preventDefault();
      var f = e.target;
      GG.$("#login-error").textContent = "";
      if (!navigator.onLine) { GG.$("#login-error").textContent = "首次登录需要网络"; return; }
      try {
        await GG.app.signIn(f.username.value.trim(), f.password.value);
        location.hash = "#home";
        GG.app.online();
      } catch (err) {
        GG.$("#login-error").textContent = err.message;
      }
    });
  },
};

GG.screens.home = {
  render: async function (main) {
    var user = await GG.db.kv.get("user");
    var patrol = await GG.patrol.state();
    var due = await GG.db.kv.get("visitsDue");
    var verify = await GG.db.kv.get("toVerify");
    var syncedAt = await GG.db.kv.get("syncedAt");
    var dueCount = due && due.body ? due.body.total : null;
    var verifyCount = verify && verify.body ? verify.body.total : null;
    main.innerHTML =
      '<section class="hello"><b>' + GG.esc(user ? user.display_name : "") + "</b><span>" + GG.esc(user && user.unit ? user.unit.name : "") + "</span></section>" +
      '<div class="tiles">' +
      '<a class="tile report" href="#report"><span class="icon">＋</span>事件上报</a>' +
      '<a class="tile patrol" href="#patrol"><span class="icon">⟳</span>' + (patrol ? "巡查中…" : "开始巡查") + "</a>" +
      '<a class="tile" href="#visits"><span class="icon">⌂</span>入户走访' + (dueCount !== null ? "<small>" + dueCount + " 户待访</small>" : "") + "</a>" +
      '<a class="tile" href="#work"><span class="icon">✓</span>我的工作' + (verifyCount ? "<small>" + verifyCount + " 件待核查</small>" : "") + "</a>" +
      '<a class="tile" href="#collect"><span class="icon">☰</span>信息采集</a>' +
      '<a class="tile" href="#queue"><span class="icon">⇪</span>上传队列</a>' +
      "</div>" +
      '<p class="hint">基础数据更新于 ' + GG.esc(syncedAt ? GG.localTime(syncedAt) : "—") +
      ' · <a href="#" id="sign-out">退出登录</a></p>';
    GG.$("#sign-out").addEventListener("click", function (e) { e.preventDefault(); GG.app.signOut(); });
  },
};

GG.screens.queue = {
  render: async function (main) {
    var items = (await GG.queue.all()).reverse();
    var labels = { pending: "待上传", done: "已上传", conflict: "冲突待处理", failed: "被退回" };
    main.innerHTML = '<div id="queue-view"><h2>上传队列</h2>' +
      (items.length ? "" : '<p class="empty">没有记录</p>') +
      '<ul class="list" id="queue-list">' + items.map(function (x) {
        var extra = "";
        if (x.state === "pending" && x.attempts) extra = "已尝试 " + x.attempts + " 次" + (x.nextAttemptAt > Date.now() ? "，" + Math.ceil((x.nextAttemptAt - Date.now()) / 1000) + " 秒后重试" : "");
        if (x.state === "conflict" && x.answer && x.answer.body && x.answer.body.current) {
          extra = "服务器上已是“" + (x.answer.body.current.state_label || "") + "”（版本 " + x.answer.body.current.version + "）";
        }
        var actions = x.state === "conflict" || x.state === "failed"
          ? '<div class="row"><button data-retry="' + x.id + '">' + (x.kind === "collect" ? "修改后重发" : "重新发送") + '</button><button class="quiet" data-discard="' + x.id + '">放弃</button></div>'
          : "";
        return '<li class="q ' + x.state + '" data-id="' + x.id + '"><div><b>' + GG.esc(x.label || x.path) + '</b><span class="state">' + labels[x.state] + "</span></div>" +
          '<small>' + GG.esc(GG.localTime(x.createdAt)) + (x.answer && x.answer.body && x.answer.body.number ? " · " + GG.esc(x.answer.body.number) : "") + "</small>" +
          (extra ? "<small>" + GG.esc(extra) + "</small>" : "") +
          (x.lastError && x.state !== "done" ? '<small class="error">' + GG.esc(x.lastError) + "</small>" : "") + actions + "</li>";
      }).join("") + "</ul></div>";
    GG.$("#queue-view").addEventListener("click", async function (e) {
      var retry = e.target.getAttribute("data-retry"), discard = e.target.getAttribute("data-discard");
      if (retry) {
        var item = await GG.db.get("queue", retry);
        if (item && item.kind === "collect" && GG.collect) { location.hash = "#collect/fix-" + retry; return; }
        // A conflict on an event: act again on the version now seen (the person decided to).
        if (item && item.state === "conflict" && item.answer && item.answer.body && item.answer.body.current && item.body && item.body.version !== undefined) {
          item.body.version = item.answer.body.current.version;
        }
        await GG.queue.retry(retry, item ? item.body : undefined);
        GG.screens.queue.render(main);
      }
      if (discard && confirm("放弃这条记录？放弃后不会再上传。")) {
        await GG.queue.discard(discard);
        GG.screens.queue.render(main);
      }
    });
    GG.screens.queue.refresh = function () { if (document.body.dataset.screen === "queue") GG.screens.queue.render(main); };
  },
};
GG.events.on("queue-changed", function () { if (GG.screens.queue.refresh) GG.screens.queue.refresh(); });

document.addEventListener("DOMContentLoaded", function () { GG.app.start(); });
