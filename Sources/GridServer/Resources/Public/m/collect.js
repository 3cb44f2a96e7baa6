// Collection (信息采集): add or update a person, room or organisation of the worker's grid, offline
// too. Forms check resident IDs (MOD 11-2), mobile numbers and credit codes as the server does;
// the server stays the judge and its 422 field errors come back next to the fields. An edit
// carries the version it started from: if the record moved on, the 409 is kept as a conflict
// that a person resolves here, never overwritten.
"use strict";
var GG = window.GG || (window.GG = {});

GG.collect = (function () {
  var RESIDENCE = [["registered", "户籍人口"], ["floating", "流动人口"], ["overseas", "境外人员"]];
  var ID_TYPES = [["resident_id", "居民身份证"], ["passport", "护照"], ["hk_macau_permit", "港澳居民来往内地通行证"], ["taiwan_permit", "台湾居民来往大陆通行证"], ["other", "其他"]];
  var ROOM_USE = [["self_occupied", "自住"], ["rental", "出租"], ["vacant", "空置"], ["shop", "商铺"], ["other", "其他"]];
  var REASON = "网格员移动端采集";

  function phoneCheck(v) { return v ? GG.checks.mobile(v) : null; }

  /// The forms: fields, how the record fills them, and the queued write they make.
  var FORMS = {
    "person-edit": {
      title: "修改人员信息",
      fields: [
        { name: "name", label: "姓名", required: true },
        { name: "id_number", label: "新证件号码（不改则留空）", check: function (v, all) { return v && all.id_type === "resident_id" ? GG.checks.residentID(v) : null; } },
        { name: "phone", label: "联系电话", type: "tel", check: phoneCheck },
        { name: "residence_kind", label: "人员类型", options: RESIDENCE },
      ],
      values: function (p) { return { name: p.name, id_number: "", phone: "", residence_kind: p.residence_kind ? p.residence_kind.code : "", id_type: p.id_type ? p.id_type.code : "" }; },
      hint: function (p) { return "证件 " + (p.id_number || "") + " · 电话 " + (p.phone || "—") + "（已脱敏，修改时填写完整号码）"; },
      write: function (p, v) {
        var body = { version: p.version, reason: REASON };
        if (v.name !== p.name) body.name = v.name;
        if (v.id_number) body.id_number = v.id_number;
        if (v.phone) body.phone = v.phone;
        if (v.residence_kind && (!p.residence_kind || v.residence_kind !== p.residence_kind.code)) body.residence_kind = v.residence_kind;
        return { method: "PATCH", path: "/api/v1/people/" + p.id, body: body, label: "修改人员 " + v.name };
      },
    },
    "person-add": {
      title: "新增人员",
      fields: [
        { name: "name", label: "姓名", required: true },
        { name: "id_type", label: "证件类型", options: ID_TYPES, required: true },
        { name: "id_number", label: "证件号码", required: true, check: function (v, all) { return all.id_type === "resident_id" ? GG.checks.residentID(v) : null; } },
        { name: "phone", label: "联系电话", type: "tel", check: phoneCheck },
        { name: "residence_kind", label: "人员类型", options: RESIDENCE, required: true },
        { name: "address_code", label: "居住房间", required: true, rooms: true },
      ],
      values: function () { return { id_type: "resident_id", residence_kind: "registered" }; },
      // No single-record create route: one line of the import CSV (the same checks, audited).
      write: function (_, v) {
        var label = function (list, code) { var f = list.find(function (x) { return x[0] === code; }); return f ? f[1] : code; };
        var cells = [v.name, label(ID_TYPES, v.id_type), v.id_number, v.phone || "", label(RESIDENCE, v.residence_kind), v.address_code];
        var csv = "姓名,证件类型,证件号码,联系电话,人员类型,地址编码\n" + cells.map(function (c) { return '"' + String(c).replace(/"/g, '""') + '"'; }).join(",") + "\n";
        return { method: "POST", path: "/api/v1/people/import", body: csv, contentType: "text/csv; charset=utf-8", label: "新增人员 " + v.name };
      },
    },
    "room-edit": {
      title: "修改房屋信息",
      fields: [
        { name: "use", label: "房屋用途", options: ROOM_USE },
        { name: "occupied", label: "有人居住", type: "checkbox" },
        { name: "landlord_name", label: "房东姓名" },
        { name: "landlord_phone", label: "房东电话（不改则留空）", type: "tel", check: phoneCheck },
      ],
      values: function (r) { return { use: r.use ? r.use.code : "", occupied: !!r.occupied, landlord_name: r.landlord_name || "", landlord_phone: "" }; },
      hint: function (r) { return GG.address(r.address_code) + " · 房东电话 " + (r.landlord_phone || "—"); },
      write: function (r, v) {
        var body = { version: r.version, reason: REASON };
        if (v.use && (!r.use || v.use !== r.use.code)) body.use = v.use;
        if (v.occupied !== !!r.occupied) body.occupied = v.occupied;
        if (v.landlord_name !== (r.landlord_name || "")) body.landlord_name = v.landlord_name;
        if (v.landlord_phone) body.landlord_phone = v.landlord_phone;
        return { method: "PATCH", path: "/api/v1/rooms/" + r.id, body: body, label: "修改房屋 " + GG.address(r.address_code) };
      },
    },
    "org-edit": {
      title: "修改单位信息",
      fields: [
        { name: "name", label: "单位名称", required: true },
        { name: "credit_code", label: "统一社会信用代码（不改则留空）", check: function (v) { return v ? GG.checks.creditCode(v) : null; } },
        { name: "legal_person", label: "法定代表人" },
        { name: "phone", label: "联系电话（不改则留空）", type: "tel", check: phoneCheck },
        { name: "employee_count", label: "从业人数", type: "number" },
      ],
      values: function (o) { return { name: o.name, credit_code: "", legal_person: o.legal_person || "", phone: "", employee_count: o.employee_count === undefined ? "" : String(o.employee_count) }; },
      hint: function (o) { return (o.kind ? o.kind.label + " · " : "") + (o.address || ""); },
      write: function (o, v) {
        var body = { version: o.version, reason: REASON };
        if (v.name !== o.name) body.name = v.name;
        if (v.credit_code) body.credit_code = v.credit_code;
        if (v.legal_person !== (o.legal_person || "")) body.legal_person = v.legal_person;
        if (v.phone) body.phone = v.phone;
        if (v.employee_count !== "" && +v.employee_count !== o.employee_count) body.employee_count = parseInt(v.employee_count, 10);
        return { method: "PATCH", path: "/api/v1/organizations/" + o.id, body: body, label: "修改单位 " + v.name };
      },
    },
  };

  // The import's columns back to the form's fields, for errors of an added person.
  var COLUMNS = { "姓名": "name", "证件类型": "id_type", "证件号码": "id_number", "联系电话": "phone", "人员类型": "residence_kind", "地址编码": "address_code" };

  /// Field errors of a server answer: {field: reason}.
  function serverErrors(answer) {
    var out = {};
    var b = answer && answer.body;
    if (!b || typeof b !== "object") return out;
    (b.errors || []).forEach(function (e) {
      var f = COLUMNS[e.column] || COLUMNS[e.field] || e.field || e.column;
      var reason = typeof e.reason === "object" ? (e.reason.zhHans || e.reason.en) : e.reason;
      // An import names the line and column; next to the field only the reason matters.
      out[f || "_"] = String(reason || e.message || "").replace(/^第 \d+ 行“[^”]*”列：/, "");
    });
    if (b.field && !out[COLUMNS[b.field] || b.field]) out[COLUMNS[b.field] || b.field] = b.reason || b.message;
    if (!Object.keys(out).length && b.message) out._ = b.message;
    return out;
  }

  async function roomOptions(selected) {
    var rooms = (await GG.db.getAll("rooms")).sort(function (a, b) { return a.address_code < b.address_code ? -1 : 1; });
    return '<option value=""></option>' + rooms.map(function (r) {
      return '<option value="' + GG.esc(r.address_code) + '"' + (r.address_code === selected ? " selected" : "") + ">" + GG.esc(GG.address(r.address_code)) + "</option>";
    }).join("");
  }

  /// Renders form `kind` for `record` with `values` and `errors`; `onSave(values)` on submit.
  async function form(main, kind, record, values, errors, note, onSave) {
    var spec = FORMS[kind];
    var html = '<form id="collect-form" class="form" novalidate><h2>' + spec.title + "</h2>" +
      (spec.hint && record ? '<p class="hint">' + GG.esc(spec.hint(record)) + "</p>" : "") +
      (note ? '<p class="warn">' + GG.esc(note) + "</p>" : "") +
      (errors._ ? '<p class="error">' + GG.esc(errors._) + "</p>" : "");
    for (var i = 0; i < spec.fields.length; i++) {
      var f = spec.fields[i], v = values[f.name] === undefined ? "" : values[f.name];
      var err = '<span class="field-error" data-for="' + f.name + '">' + GG.esc(errors[f.name] || "") + "</span>";
      if (f.type === "checkbox") {
        html += '<label class="switch"><input type="checkbox" name="' + f.name + '"' + (v ? " checked" : "") + "><span></span>" + f.label + "</label>" + err;
      } else if (f.options) {
        html += "<label>" + f.label + '<select name="' + f.name + '">' + f.options.map(function (o) {
          return '<option value="' + o[0] + '"' + (o[0] === v ? " selected" : "") + ">" + o[1] + "</option>";
        }).join("") + "</select></label>" + err;
      } else if (f.rooms) {
        html += "<label>" + f.label + '<select name="' + f.name + '">' + (await roomOptions(v)) + "</select></label>" + err;
      } else {
        html += "<label>" + f.label + (f.required ? " *" : "") + '<input name="' + f.name + '" type="' + (f.type || "text") + '"' +
          (f.type === "tel" ? ' inputmode="tel"' : f.type === "number" ? ' inputmode="numeric"' : "") + ' value="' + GG.esc(v) + '"></label>' + err;
      }
    }
    html += '<button class="primary big" type="submit">保存</button><button class="quiet big" type="button" id="collect-back">返回</button></form>';
    main.innerHTML = html;
    var el = GG.$("#collect-form");
    GG.$("#collect-back").addEventListener("click", function () { GG.go("#collect"); });
    el.addEventListener("submit", async function (e) {
      e.preventDefault();
      var vals = {};
      spec.fields.forEach(function (f) { vals[f.name] = f.type === "checkbox" ? el[f.name].checked : el[f.name].value.trim(); });
      if (vals.id_type === undefined && values.id_type) vals.id_type = values.id_type;
      var problems = {};
      spec.fields.forEach(function (f) {
        if (f.required && !vals[f.name]) problems[f.name] = "必填";
        else if (f.check) { var p = f.check(vals[f.name], vals); if (p) problems[f.name] = p; }
      });
      GG.$$(".field-error", el).forEach(function (s) { s.textContent = problems[s.dataset.for] || ""; });
      if (Object.keys(problems).length) return;
      await onSave(vals);
    });
  }

  /// Queues the write; online, waits for the server's word so that its errors land on the form.
  async function save(main, kind, record, values, existingID) {
    var write = FORMS[kind].write(record, values);
    var id = existingID || GG.uuid();
    var meta = { form: kind, record: record, values: values };
    if (existingID) {
      var item = await GG.db.get("queue", existingID);
      item.method = write.method; item.path = write.path; item.body = write.body; item.meta = meta; item.label = write.label;
      await GG.db.put("queue", item);
      await GG.queue.retry(existingID, write.body);
    } else {
      await GG.queue.enqueue(Object.assign({ id: id, kind: "collect", meta: meta }, write));
    }
    if (navigator.onLine) {
      await GG.queue.flush();
      var after = await GG.db.get("queue", id);
      if (after && (after.state === "failed" || after.state === "conflict")) { await fix(main, id); return; }
      GG.toast(after && after.state === "done" ? "已保存到服务器" : "已保存，待上传");
    } else {
      GG.toast("已保存在手机上，联网后自动上传");
    }
    GG.go("#collect");
  }

  /// A set-aside write back on its form: the server's errors next to the fields; for a conflict,
  /// the record as it now stands, so the person decides on the current version.
  async function fix(main, id) {
    var item = await GG.db.get("queue", id);
    if (!item || !item.meta) { GG.go("#queue"); return; }
    var record = item.meta.record, note = null;
    if (item.state === "conflict" && record && navigator.onLine) {
      var path = item.path.replace(/\?.*$/, "");
      try {
        var now = await GG.api.get(path);
        note = "这条记录已被他人修改（现为第 " + now.version + " 版）。请核对后再保存；保存将基于最新版本。";
        record = now;
      } catch (e) { note = "这条记录已被他人修改，请联网后核对"; }
    } else if (item.state === "conflict") {
      note = "这条记录已被他人修改，请联网后核对";
    }
    await form(main, item.meta.form, record, item.meta.values, serverErrors(item.answer), note, function (vals) {
      return save(main, item.meta.form, record, vals, id);
    });
  }

  function list(items, kind, text) {
    return '<ul class="list">' + items.map(function (x) {
      return '<li><button class="pick" data-kind="' + kind + '" data-id="' + x.id + '">' + text(x) + "</button></li>";
    }).join("") + "</ul>";
  }

  GG.screens.collect = {
    render: async function (main, arg) {
      if (arg && arg.indexOf("fix-") === 0) return fix(main, arg.slice(4));
      var tab = GG.screens.collect.tab || "people";
      var q = GG.screens.collect.q || "";
      var body = "";
      var people = [], rooms = [], orgs = [];
      if (tab === "people") {
        people = (await GG.db.getAll("people")).filter(function (p) { return !q || (p.name + p.id_number + (p.phone || "")).indexOf(q) >= 0; }).slice(0, 60);
        body = '<button class="primary big" id="person-add">＋ 新增人员</button>' +
          list(people, "person", function (p) { return "<b>" + GG.esc(p.name) + "</b><small>" + GG.esc((p.residence_kind ? p.residence_kind.label : "") + " · " + p.id_number + (p.care_groups && p.care_groups.length ? " · 关注群体" : "")) + "</small>"; });
      } else if (tab === "rooms") {
        rooms = (await GG.db.getAll("rooms")).filter(function (r) { return !q || (r.address_code + (r.building_name || "")).indexOf(q) >= 0 || GG.address(r.address_code).indexOf(q) >= 0; }).slice(0, 60);
        body = list(rooms, "room", function (r) { return "<b>" + GG.esc(GG.address(r.address_code)) + "</b><small>" + GG.esc((r.use ? r.use.label : "") + " · " + r.residents + " 人") + "</small>"; });
      } else {
        var kept = { body: null };
        try { kept = await GG.sync.cached("organizations", "/api/v1/organizations?per=200"); } catch (e) { /* offline */ }
        orgs = (kept.body ? kept.body.items : []).filter(function (o) { return !q || o.name.indexOf(q) >= 0; });
        body = kept.body ? list(orgs, "org", function (o) { return "<b>" + GG.esc(o.name) + "</b><small>" + GG.esc((o.kind ? o.kind.label : "") + " · " + (o.address || "")) + "</small>"; })
          : '<p class="empty">单位名单需联网下载一次</p>';
      }
      main.innerHTML = '<div id="collect-view"><h2>信息采集</h2>' +
        '<div class="segments">' + [["people", "人员"], ["rooms", "房屋"], ["orgs", "单位"]].map(function (t) {
          return '<button data-tab="' + t[0] + '" class="' + (t[0] === tab ? "active" : "") + '">' + t[1] + "</button>";
        }).join("") + "</div>" +
        '<input class="search" id="collect-search" type="search" placeholder="搜索姓名、证件、地址" value="' + GG.esc(q) + '">' + body + "</div>";
      GG.$(".segments").addEventListener("click", function (e) {
        if (e.target.dataset.tab) { GG.screens.collect.tab = e.target.dataset.tab; GG.screens.collect.render(main); }
      });
      GG.$("#collect-search").addEventListener("change", function (e) { GG.screens.collect.q = e.target.value.trim(); GG.screens.collect.render(main); });
      var add = GG.$("#person-add");
      if (add) add.addEventListener("click", function () {
        form(main, "person-add", null, FORMS["person-add"].values(), {}, null, function (v) { return save(main, "person-add", null, v); });
      });
      GG.$("#collect-view").addEventListener("click", function (e) {
        var b = e.target.closest("button.pick");
        if (!b) return;
        var kind = b.dataset.kind === "person" ? "person-edit" : b.dataset.kind === "room" ? "room-edit" : "org-edit";
        var pool = b.dataset.kind === "person" ? people : b.dataset.kind === "room" ? rooms : orgs;
        var record = pool.find(function (x) { return x.id === b.dataset.id; });
        form(main, kind, record, FORMS[kind].values(record), {}, null, function (v) { return save(main, kind, record, v); });
      });
    },
  };

  return { serverErrors: serverErrors };
})();
