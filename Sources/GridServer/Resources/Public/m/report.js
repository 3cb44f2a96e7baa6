// Report in a few taps (事件上报): pick from the admission list (most used first, search), take
// photos (kept as Blobs in IndexedDB until sent), position from the GPS (WGS-84; the server
// converts) with a pin on the grid's outline to correct it, a note (the keyboard's voice input
// works in the textarea), "solved on the spot". The report is queued with its own id and the
// moment it was made, and linked to the patrol under way.
"use strict";
var GG = window.GG || (window.GG = {});

GG.report = (function () {
  var draft = null;
  var map = null, marker = null;
  var MAX_SIDE = 1600; // photos are scaled down on the phone: a report goes out over weak networks

  function fresh() {
    return { id: GG.uuid(), type: null, photos: [], pos: null, moved: false, note: "", solved: false, attributes: {} };
  }

  async function typeUse() { return (await GG.db.kv.get("typeUse")) || {}; }

  /// Scales a photo down to MAX_SIDE as JPEG; the original when the browser cannot decode it.
  async function shrink(file) {
    try {
      var bitmap = await createImageBitmap(file);
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      if (scale === 1 && file.type === "image/jpeg") return file;
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return await new Promise(function (resolve) { canvas.toBlob(function (b) { resolve(b || file); }, "image/jpeg", 0.85); });
    } catch (e) {
      return file;
    }
  }

  function locate() {
    var status = GG.$("#pos-status");
    if (!navigator.geolocation) { status.textContent = "此设备不能定位，请在地图上点选位置"; return; }
    status.textContent = "正在定位…";
    navigator.geolocation.getCurrentPosition(function (p) {
      if (!draft || draft.moved) return;
      draft.pos = { lon: p.coords.longitude, lat: p.coords.latitude, datum: "wgs84", accuracy: p.coords.accuracy };
      showPosition();
    }, function (err) {
      if (draft && !draft.pos) status.textContent = "未能定位（" + (err.message || err.code) + "），请在地图上点选位置";
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 30000 });
  }

  /// The point as GCJ-02, the datum the outlines and the map are drawn in.
  function mapPoint() {
    if (!draft.pos) return null;
    return draft.pos.datum === "gcj02" ? [draft.pos.lon, draft.pos.lat] : GG.geo.wgsToGcj(draft.pos.lon, draft.pos.lat);
  }

  function showPosition() {
    var status = GG.$("#pos-status");
    if (!status || !draft.pos) return;
    status.textContent = draft.moved ? "已在地图上修正位置" :
      "已定位" + (draft.pos.accuracy ? "（精度约 " + Math.round(draft.pos.accuracy) + " 米）" : "") + "，可拖动图钉修正";
    status.className = "ok";
    if (map) {
      var p = mapPoint();
      if (!marker) {
        marker = L.marker([p[1], p[0]], { draggable: true }).addTo(map);
        marker.on("dragend", function () { setFromMap(marker.getLatLng()); });
      } else {
        marker.setLatLng([p[1], p[0]]);
      }
      map.setView([p[1], p[0]], Math.max(map.getZoom(), 16));
    }
  }

  function setFromMap(latlng) {
    // A pin set on the map is in the map's datum; the server converts it like a phone's fix.
    draft.pos = { lon: latlng.lng, lat: latlng.lat, datum: "gcj02" };
    draft.moved = true;
    showPosition();
  }

  async function drawMap() {
    var L = await GG.leaflet();
    var box = GG.$("#report-map");
    if (!L || !box) { if (box) box.hidden = true; return; }
    var grids = await GG.db.getAll("grids");
    var buildings = await GG.db.getAll("buildings");
    // The worker may have left the screen while the caches were read.
    if (!document.body.contains(box)) return;
    map = L.map(box, { zoomControl: true, attributionControl: false });
    // A view before any vector layer: Leaflet's renderer needs bounds to clip against.
    map.setView([30.8, 103.9], 13);
    var tiles = await GG.db.kv.get("tileURL");
    if (tiles) L.tileLayer(tiles, { maxZoom: 19 }).addTo(map);
    var bounds = null;
    grids.forEach(function (g) {
      if (!g.outline || !g.outline.geometry) return;
      var layer = L.geoJSON(g.outline, { style: { color: "#0b5fa5", weight: 2, fillOpacity: 0.06 } }).addTo(map);
      bounds = bounds ? bounds.extend(layer.getBounds()) : layer.getBounds();
    });
    // The grid's buildings (GCJ-02, from the sync) give the pin something to be corrected against
    // where no tile server is configured.
    buildings.forEach(function (b) {
      if (typeof b.lat !== "number" || typeof b.lon !== "number") return;
      L.circleMarker([b.lat, b.lon], { radius: 6, color: "#b26a00", weight: 2, fillOpacity: 0.3 })
        .bindTooltip(b.name || GG.address(b.address_code), { permanent: true, direction: "right", className: "building-label" }).addTo(map);
    });
    if (bounds) map.fitBounds(bounds);
    map.on("click", function (e) { setFromMap(e.latlng); });
    if (draft.pos) showPosition();
  }

  function attributeField(a) {
    var label = (a.label && (a.label.zhHans || a.label.en)) || a.key;
    var req = a.required ? " required" : "";
    var v = draft.attributes[a.key];
    if (a.type === "boolean") {
      return '<label class="switch"><input type="checkbox" data-attr="' + GG.esc(a.key) + '" data-kind="boolean"' + (v ? " checked" : "") + "><span></span>" + GG.esc(label) + "</label>";
    }
    if (a.options && a.options.length) {
      return "<label>" + GG.esc(label) + '<select data-attr="' + GG.esc(a.key) + '"' + req + '><option value=""></option>' +
        a.options.map(function (o) { var val = o.value || o; return '<option value="' + GG.esc(val) + '"' + (v === val ? " selected" : "") + ">" + GG.esc(o.label || val) + "</option>"; }).join("") + "</select></label>";
    }
    var type = a.type === "integer" || a.type === "number" ? "number" : "text";
    return "<label>" + GG.esc(label) + (a.required ? " *" : "") + '<input type="' + type + '" inputmode="' + (type === "number" ? "numeric" : "text") + '" data-attr="' + GG.esc(a.key) + '" data-kind="' + GG.esc(a.type) + '" value="' + GG.esc(v === undefined ? "" : v) + '"' + req + "></label>";
  }

  async function renderPicker(main) {
    var types = await GG.sync.eventTypes();
    var use = await typeUse();
    var frequent = types.filter(function (t) { return use[t.code]; }).sort(function (a, b) { return use[b.code] - use[a.code]; }).slice(0, 6);
    function row(t) { return '<li><button class="pick" data-code="' + GG.esc(t.code) + '"><b>' + GG.esc(t.name) + "</b><small>" + GG.esc(t.group) + "</small></button></li>"; }
    main.innerHTML = '<div id="picker"><h2>选择事件类型</h2>' +
      '<input id="type-search" class="search" type="search" placeholder="搜索事项，如“井盖”“占道”" autocomplete="off">' +
      (types.length ? "" : '<p class="empty">准入清单尚未下载，请联网后再试</p>') +
      (frequent.length ? '<h3>常用</h3><ul class="list picks" id="frequent">' + frequent.map(row).join("") + "</ul>" : "") +
      '<h3 id="all-title">全部事项</h3><ul class="list picks" id="all-types">' + types.map(row).join("") + "</ul></div>";
    GG.$("#type-search").addEventListener("input", function (e) {
      var q = e.target.value.trim();
      GG.$$("#all-types li").forEach(function (li) { li.hidden = q && li.textContent.indexOf(q) < 0; });
      var f = GG.$("#frequent");
      if (f) { f.hidden = !!q; f.previousElementSibling.hidden = !!q; }
    });
    GG.$("#picker").addEventListener("click", function (e) {
      var b = e.target.closest("button.pick");
      if (!b) return;
      draft.type = types.find(function (t) { return t.code === b.dataset.code; });
      renderForm(main);
    });
  }

  function renderForm(main) {
    var t = draft.type;
    main.innerHTML =
      '<form id="report-form" class="form" novalidate>' +
      '<div class="chosen"><span>事件类型</span><b>' + GG.esc(t.name) + '</b><button type="button" id="change-type" class="quiet">更换</button></div>' +
      t.attributes.map(attributeField).join("") +
      '<div class="photos" id="photos"></div>' +
      '<label class="camera"><span class="lens"></span>拍照 / 选照片<input id="photo-input" type="file" accept="image/*" capture="environment" multiple hidden></label>' +
      '<div class="pos"><span id="pos-status">正在定位…</span><button type="button" id="relocate" class="quiet">重新定位</button></div>' +
      '<div id="report-map" class="map"></div>' +
      '<label>情况说明（可用输入法的语音输入）<textarea name="note" rows="3" placeholder="描述看到的情况">' + GG.esc(draft.note) + "</textarea></label>" +
      '<label class="switch"><input type="checkbox" name="solved"' + (draft.solved ? " checked" : "") + "><span></span>已当场解决</label>" +
      '<p class="error" id="report-error"></p>' +
      '<button class="primary big" type="submit" id="report-submit">上报</button>' +
      "</form>";
    drawPhotos();
    GG.$("#change-type").addEventListener("click", function () { draft.type = null; GG.screens.report.render(main); });
    GG.$("#photo-input").addEventListener("change", async function (e) {
      var files = Array.prototype.slice.call(e.target.files || []);
      for (var i = 0; i < files.length && draft.photos.length < 9; i++) {
        var blob = await shrink(files[i]);
        var id = GG.uuid();
        await GG.db.put("blobs", { id: id, blob: blob, type: blob.type, at: GG.wireTime() });
        draft.photos.push({ id: id, url: URL.createObjectURL(blob) });
      }
      e.target.value = "";
      drawPhotos();
    });
    GG.$("#relocate").addEventListener("click", function () { draft.moved = false; draft.pos = null; locate(); });
    GG.$("#report-form").addEventListener("submit", function (e) { e.preventDefault(); submit(main); });
    if (draft.pos) showPosition(); else locate();
    drawMap();
  }

  function drawPhotos() {
    var box = GG.$("#photos");
    if (!box) return;
    box.innerHTML = draft.photos.map(function (p) {
      return '<figure><img src="' + p.url + '" alt=""><button type="button" data-remove="' + p.id + '" aria-label="删除">×</button></figure>';
    }).join("");
    GG.$$("button[data-remove]", box).forEach(function (b) {
      b.addEventListener("click", async function () {
        await GG.db.del("blobs", b.dataset.remove);
        draft.photos = draft.photos.filter(function (p) { return p.id !== b.dataset.remove; });
        drawPhotos();
      });
    });
  }

  async function submit(main) {
    var form = GG.$("#report-form");
    var error = GG.$("#report-error");
    var attributes = {};
    var missing = [];
    GG.$$("[data-attr]", form).forEach(function (el) {
      var key = el.dataset.attr;
      if (el.dataset.kind === "boolean") { attributes[key] = el.checked; return; }
      var v = el.value.trim();
      if (!v) { if (el.required) missing.push(el.closest("label").firstChild.textContent.replace(" *", "")); return; }
      attributes[key] = el.dataset.kind === "integer" ? parseInt(v, 10) : el.dataset.kind === "number" ? parseFloat(v) : v;
    });
    if (missing.length) { error.textContent = "请填写：" + missing.join("、"); return; }
    if (!draft.pos) { error.textContent = "还没有位置：请等待定位，或在地图上点选"; return; }
    var note = form.note.value.trim();
    var now = new Date();
    var body = {
      id: draft.id, type: draft.type.code, description: note || draft.type.name,
      location: { lon: draft.pos.lon, lat: draft.pos.lat, datum: draft.pos.datum },
      occurred_at: GG.wireTime(now), solved_on_spot: form.solved.checked, attributes: attributes,
    };
    var item = await GG.queue.enqueue({
      id: draft.id, method: "POST", path: "/api/v1/events", body: body, kind: "report",
      label: "上报 " + draft.type.name, photos: draft.photos.map(function (p) { return p.id; }),
      meta: { type: draft.type.code, typeName: draft.type.name, occurredAt: body.occurred_at, photos: draft.photos.length },
    });
    var use = await typeUse();
    use[draft.type.code] = (use[draft.type.code] || 0) + 1;
    await GG.db.kv.set("typeUse", use);
    var linked = await GG.patrol.linkEvent(item.id);
    draft.photos.forEach(function (p) { URL.revokeObjectURL(p.url); });
    draft = fresh();
    GG.toast((navigator.onLine ? "已上报，正在上传" : "已保存在手机上，联网后自动上传") + (linked ? "（已关联本次巡查）" : ""));
    GG.go("#work");
  }

  GG.screens.report = {
    render: async function (main) {
      if (!draft) draft = fresh();
      map = null; marker = null;
      if (draft.type) renderForm(main); else await renderPicker(main);
    },
    leave: function () {
      // Leaflet may trip over its own animations when removed mid-way; the screen goes regardless.
      try { if (map) map.remove(); } catch (e) { /* nothing to keep */ }
      map = null; marker = null;
    },
  };

  return { fresh: fresh };
})();
