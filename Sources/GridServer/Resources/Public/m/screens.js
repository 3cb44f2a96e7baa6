// The patrol, visits and "my work" screens. Everything a worker does here is queued; lists read
// online are kept for offline use.
"use strict";
var GG = window.GG || (window.GG = {});

GG.screens.patrol = {
  render: async function (main) {
    var patrol = await GG.patrol.state();
    var seconds = await GG.patrol.todaySeconds();
    var log = ((await GG.db.kv.get("patrolLog")) || []).slice().reverse().slice(0, 8);
    var left = Math.max(0, GG.patrol.STANDARD - seconds);
    main.innerHTML =
      "<h2>巡查日志</h2>" +
      '<div class="card patrol-card' + (patrol ? " running" : "") + '">' +
      '<div class="today"><span>今日已巡查</span><b id="patrol-seconds">' + GG.duration(seconds) + "</b><span>标准 4 小时" +
      (left ? "，还差 " + GG.duration(left) : "，已达标") + "</span></div>" +
      '<div class="meter big"><i style="width:' + Math.min(100, seconds / GG.patrol.STANDARD * 100) + '%"></i></div>' +
      (patrol
        ? '<p>本次巡查 <b id="patrol-elapsed"></b> · 轨迹 <b id="patrol-points">' + patrol.recorded + "</b> 点 · 关联事件 <b>" + patrol.events.length + "</b> 件</p>" +
          '<button class="danger big" id="patrol-toggle">结束巡查</button>' +
          '<a class="button big" href="#report">巡查中上报事件</a>'
        : '<button class="primary big" id="patrol-toggle">开始巡查</button>') +
      "</div>" +
      "<h3>最近的巡查</h3>" +
      (log.length ? '<ul class="list">' + log.map(function (e) {
        var end = e.endedAt ? Date.parse(e.endedAt) : Date.now();
        return "<li><b>" + GG.esc(GG.localTime(e.startedAt)) + " 起</b><small>" + (e.endedAt ? "用时 " + GG.duration((end - Date.parse(e.startedAt)) / 1000) : "进行中") + "</small></li>";
      }).join("") + "</ul>" : '<p class="empty">还没有巡查记录</p>');
    GG.$("#patrol-toggle").addEventListener("click", async function () {
      if (patrol) {
        if (!confirm("结束本次巡查？")) return;
        await GG.patrol.stop();
        GG.toast("巡查已结束，记录" + (navigator.onLine ? "正在上传" : "会在联网后上传"));
      } else {
        await GG.patrol.start();
        GG.toast("巡查开始，正在记录轨迹");
      }
      GG.screens.patrol.render(main);
    });
    clearInterval(GG.screens.patrol.timer);
    if (patrol) {
      var tick = function () {
        var el = GG.$("#patrol-elapsed");
        if (el) el.textContent = GG.duration((Date.now() - Date.parse(patrol.startedAt)) / 1000);
      };
      tick();
      GG.screens.patrol.timer = setInterval(tick, 15000);
    }
  },
  leave: function () { clearInterval(GG.screens.patrol.timer); },
};
GG.events.on("patrol-fix", function (p) { var el = GG.$("#patrol-points"); if (el) el.textContent = p.recorded; });

/// "友爱南街2号2栋1单元302" from an address code "510117001001|友爱南街|2|2|1|302".
GG.address = function (code) {
  if (!code) return "（无地址）";
  var p = code.split("|");
  return (p[1] || "") + (p[2] ? p[2] + "号" : "") + (p[3] ? p[3] + "栋" : "") + (p[4] ? p[4] + "单元" : "") + (p[5] || "");
};

GG.screens.visits = {
  render: async function (main, arg) {
    main.innerHTML = '<h2>入户走访</h2><p class="hint">加载中…</p>';
    var due;
    try { due = await GG.sync.cached("visitsDue", "/api/v1/visits/due"); } catch (e) { due = { body: null }; }
    var queued = (await GG.queue.all()).filter(function (x) { return x.kind === "visit" && x.state !== "failed"; });
    var visited = {};
    queued.forEach(function (x) { visited[x.body.household_id] = x; });
    var body = due.body;
    var today = body ? body.today : "";
    var items = body ? body.items : [];
    main.innerHTML = '<h2>入户走访</h2>' +
      (body ? '<p class="hint">本季度待访 ' + body.total + " 户" + (due.fresh ? "" : "（离线数据，更新于 " + GG.esc(GG.localTime(due.at)) + "）") +
        "；每月必访的关注群体家庭排在前面</p>" : '<p class="empty">走访名单尚未下载，请联网后再试</p>') +
      '<ul class="list visits">' + items.map(function (v) {
        var overdue = v.due_by < today;
        var mark = visited[v.household_id];
        var cls = (overdue || v.behind ? "late " : "") + (mark ? "visited" : "");
        return '<li class="' + cls + '"><button class="visit" data-household="' + GG.esc(v.household_id) + '">' +
          "<b>" + GG.esc(GG.address(v.address_code)) + "</b>" +
          "<small>" + v.members + " 人 · " + (v.reason === "monthly" ? "每月必访" : "每季两次") + " · 已访 " + v.made + "/" + v.required + " · " + GG.esc(v.due_by) + " 前</small>" +
          (v.care_groups.length ? '<span class="tags">' + v.care_groups.map(function (g) { return "<i>" + GG.esc(g) + "</i>"; }).join("") + "</span>" : "") +
          (overdue ? '<span class="flag">已逾期</span>' : v.behind ? '<span class="flag">进度落后</span>' : "") +
          (mark ? '<span class="flag done">已记录' + (mark.state === "done" ? "" : "，待上传") + "</span>" : "") +
          "</button></li>";
      }).join("") + "</ul>";
    main.querySelector(".visits").addEventListener("click", function (e) {
      var b = e.target.closest("button.visit");
      if (b) GG.screens.visits.form(main, items.find(function (v) { return v.household_id === b.dataset.household; }));
    });
    if (arg) {
      var v = items.find(function (x) { return x.household_id === arg; });
      if (v) GG.screens.visits.form(main, v);
    }
  },

  form: function (main, v) {
    main.innerHTML = '<form id="visit-form" class="form" novalidate><h2>记录走访</h2>' +
      '<div class="chosen"><span>住户</span><b>' + GG.esc(GG.address(v.address_code)) + "</b></div>" +
      '<p class="hint">' + v.members + " 人" + (v.care_groups.length ? " · " + GG.esc(v.care_groups.join("、")) : "") + "</p>" +
      '<div class="chips" id="met-chips">' + ["本人", "家属", "无人在家"].map(function (m) { return '<button type="button" data-met="' + m + '">' + m + "</button>"; }).join("") + "</div>" +
      '<label>见到的人 *<input name="met" placeholder="如：本人、女儿"></label>' +
      '<label>走访情况<textarea name="notes" rows="3"></textarea></label>' +
      '<label>诉求<textarea name="needs" rows="2"></textarea></label>' +
      '<p class="error" id="visit-error"></p>' +
      '<button class="primary big" type="submit">保存走访</button>' +
      '<button class="quiet big" type="button" id="visit-cancel">返回</button></form>';
    var form = GG.$("#visit-form");
    GG.$("#met-chips").addEventListener("click", function (e) { if (e.target.dataset.met) form.met.value = e.target.dataset.met; });
    GG.$("#visit-cancel").addEventListener("click", function () { GG.screens.visits.render(main); });
    form.addEventListener("submit", async function (e) {
      e.preventDefault();
      var met = form.met.value.trim();
      if (!met) { GG.$("#visit-error").textContent = "请填写见到的人"; return; }
      var id = GG.uuid();
      await GG.queue.enqueue({
        id: id, method: "POST", path: "/api/v1/visits", kind: "visit", label: "走访 " + GG.address(v.address_code),
        body: { id: id, household_id: v.household_id, visited_at: GG.wireTime(), met: met, notes: form.notes.value.trim(), needs: form.needs.value.trim() },
      });
      GG.toast(navigator.onLine ? "走访已记录，正在上传" : "走访已保存在手机上，联网后自动上传");
      GG.screens.visits.render(main);
    });
  },
};

GG.screens.work = {
  render: async function (main) {
    main.innerHTML = '<h2>我的工作</h2><p class="hint">加载中…</p>';
    var verify = { body: null }, inbox = { body: null };
    try { verify = await GG.sync.cached("toVerify", "/api/v1/events?box=to_verify&per=50"); } catch (e) { /* kept copy below */ }
    try { inbox = await GG.sync.cached("inbox", "/api/v1/inbox?per=20"); } catch (e) { /* kept copy below */ }
    var tasks = { body: null };
    try { tasks = await GG.sync.cached("tasks", "/api/v1/tasks"); } catch (e) { /* no tasks for this account */ }
    var queue = await GG.queue.all();
    // Pushed tasks (部门下派任务): the grid's progress, overlaid with the latest queued write for it.
    var taskItems = tasks.body && tasks.body.view === "grid" ? tasks.body.items : [];
    var taskState = {};
    taskItems.forEach(function (t) {
      var p = t.progress[0];
      if (p) taskState[t.id] = { grid: p.grid, checked: p.checked, done: p.done, version: p.version, state: null };
    });
    queue.filter(function (x) { return x.kind === "task" && x.state !== "failed"; }).forEach(function (x) {
      var s = taskState[x.meta.task];
      if (!s) return;
      // Done and conflict items carry the server's progress as their answer (a 409 answers the current one).
      var answer = x.state !== "pending" && x.answer && x.answer.body && typeof x.answer.body.version === "number" ? x.answer.body : null;
      var version = x.state === "pending" ? x.body.version + 1 : answer ? answer.version : null;
      if (version === null || version < s.version) return;
      // A 409 answers the grid's current progress (kept with the item): show it, to be checked and saved again.
      var shown = x.state === "conflict" && Array.isArray(answer.checked) ? answer : x.state === "conflict" ? s : x.body;
      taskState[x.meta.task] = { grid: s.grid, checked: shown.checked, done: shown.done, version: version, state: x.state };
    });
    var acted = {};
    queue.filter(function (x) { return x.kind === "verify" && x.state !== "failed"; }).forEach(function (x) { acted[x.meta.event] = x; });
    var reports = queue.filter(function (x) { return x.kind === "report"; });
    var queuedIDs = {};
    reports.forEach(function (x) { queuedIDs[x.id] = true; });
    var allEvents = await GG.db.getAll("events");
    var byID = {};
    allEvents.forEach(function (e) { byID[e.id] = e; });
    var synced = allEvents.filter(function (e) { return !queuedIDs[e.id]; })
      .sort(function (a, b) { return a.reported_at < b.reported_at ? 1 : -1; }).slice(0, 30);
    var states = { pending: "待上传", conflict: "冲突", failed: "被退回" };
    var toVerify = verify.body ? verify.body.items : [];
    main.innerHTML = '<h2>我的工作</h2>' +
      '<h3>待我核查 <small>' + (verify.body ? verify.body.total : "—") + "</small></h3>" +
      (toVerify.length ? '<ul class="list" id="verify-list">' + toVerify.map(function (e) {
        var done = acted[e.id];
        return '<li data-event="' + e.id + '"><b>' + GG.esc(e.number) + " " + GG.esc(e.type_name) + "</b><small>" + GG.esc(e.description) + "</small>" +
          (done ? '<span class="flag done">已' + (done.body.passed ? "核查通过" : "退回返工") + (done.state === "done" ? "" : "，待上传") + "</span>"
            : '<div class="row"><button class="primary" data-verify="pass">核查通过</button><button class="danger" data-verify="fail">不通过</button></div>') + "</li>";
      }).join("") + "</ul>" : '<p class="empty">没有待核查的事件</p>') +
      '<h3>任务 <small>' + taskItems.length + "</small></h3>" +
      (taskItems.length ? '<ul class="list" id="task-list">' + taskItems.map(function (t) {
        var s = taskState[t.id] || { checked: [], done: false };
        return '<li data-task="' + t.id + '"><b>' + GG.esc(t.title) + "</b><small>" + GG.esc(t.issuing_unit_name) + " · 限 " + GG.esc(t.due) + " 前完成</small>" +
          (t.description ? "<small>" + GG.esc(t.description) + "</small>" : "") +
          t.checklist.map(function (item, i) {
            return '<label class="check"><input type="checkbox" data-item="' + i + '"' + (s.checked.indexOf(i) >= 0 ? " checked" : "") + "> " + GG.esc(item) + "</label>";
          }).join("") +
          '<label class="check"><input type="checkbox" data-done' + (s.done ? " checked" : "") + "> 已完成</label>" +
          (s.state === "pending" ? '<span class="flag">待上传</span>' : s.state === "conflict" ? '<span class="flag">冲突：已载入最新进度，请核对后再保存</span>' : "") +
          '<div class="row"><button class="primary" data-save>保存进度</button></div></li>';
      }).join("") + "</ul>" : '<p class="empty">没有下派的任务</p>') +
      '<h3>我的上报</h3><ul class="list" id="my-reports">' +
      reports.slice().reverse().map(function (x) {
        var label = x.state === "done" && x.answer && x.answer.body ? (x.answer.body.state_label || "已上传") : states[x.state];
        var e = x.answer && x.answer.body && x.answer.body.number ? x.answer.body.number + " " : "";
        var now = x.state === "done" && byID[x.id] ? byID[x.id].state_label : null;
        return '<li class="q ' + x.state + '" data-report="' + x.id + '"><b>' + GG.esc(e + (x.meta ? x.meta.typeName : x.label)) + '</b><span class="state">' + GG.esc(now || label) + "</span>" +
          "<small>" + GG.esc(GG.localTime(x.meta ? x.meta.occurredAt : x.createdAt)) + (x.meta && x.meta.photos ? " · " + x.meta.photos + " 张照片" : "") + "</small>" +
          (x.lastError && x.state !== "done" ? '<small class="error">' + GG.esc(x.lastError) + "</small>" : "") + "</li>";
      }).join("") +
      synced.map(function (e) {
        return '<li data-report="' + e.id + '"><b>' + GG.esc(e.number + " " + e.type_name) + '</b><span class="state">' + GG.esc(e.state_label) + "</span><small>" + GG.esc(GG.localTime(e.occurred_at)) + "</small></li>";
      }).join("") + "</ul>" +
      (reports.length || synced.length ? "" : '<p class="empty">还没有上报</p>') +
      "<h3>消息</h3>" +
      (inbox.body && inbox.body.items.length ? '<ul class="list">' + inbox.body.items.map(function (m) {
        return '<li class="' + (m.read_at ? "" : "unread") + '"><b>' + GG.esc(m.message) + "</b><small>" + GG.esc(GG.localTime(m.created_at)) + "</small></li>";
      }).join("") + "</ul>" : '<p class="empty">没有新消息</p>');
    var taskList = GG.$("#task-list");
    if (taskList) taskList.addEventListener("click", async function (e) {
      if (!("save" in e.target.dataset)) return;
      var li = e.target.closest("li");
      var s = taskState[li.dataset.task];
      if (!s) return;
      var checked = Array.prototype.map.call(li.querySelectorAll("input[data-item]:checked"), function (c) { return Number(c.dataset.item); });
      var done = li.querySelector("input[data-done]").checked;
      // The version seen goes with the write (after any queued before it): a colleague's newer
      // progress answers 409 and the item is kept as a conflict instead of overwriting it.
      await GG.queue.enqueue({
        id: GG.uuid(), method: "PUT", path: "/api/v1/tasks/" + li.dataset.task + "/progress/" + s.grid, kind: "task",
        label: "任务进度 " + (li.querySelector("b").textContent || ""), meta: { task: li.dataset.task },
        body: { checked: checked, done: done, version: s.version },
      });
      GG.toast(navigator.onLine ? "任务进度已提交" : "任务进度已保存，联网后上传");
      GG.screens.work.render(main);
    });
    var list = GG.$("#verify-list");
    if (list) list.addEventListener("click", async function (e) {
      var which = e.target.dataset.verify;
      if (!which) return;
      var li = e.target.closest("li");
      var event = toVerify.find(function (x) { return x.id === li.dataset.event; });
      var passed = which === "pass";
      var note = passed ? "" : prompt("不通过的原因（将退回返工）") || "";
      if (!passed && !note.trim()) return;
      // The version seen goes with the action: if someone moved the event on meanwhile, the
      // server answers 409 and the item is kept as a conflict, never applied to a newer state.
      await GG.queue.enqueue({
        id: GG.uuid(), method: "POST", path: "/api/v1/events/" + event.id + "/actions/verify", kind: "verify",
        label: (passed ? "核查通过 " : "核查不通过 ") + event.number, meta: { event: event.id },
        body: { passed: passed, note: note || undefined, version: event.version },
      });
      GG.toast(navigator.onLine ? "已提交核查" : "核查已保存，联网后上传");
      GG.screens.work.render(main);
    });
  },
};
