// GridGov console map: grids of the chosen unit as vector polygons (GCJ-02, the datum of Chinese
// web maps), coloured by a figure, a card on click, search by code or name. Progressive: the page
// works with the keyboard, and the data is the same /api/v1/grids the API serves.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el) return;
  var t = JSON.parse(document.getElementById("map-strings").textContent);
  if (!window.L) {
    // Leaflet comes from Debian's libjs-leaflet; say so rather than show an empty frame.
    document.getElementById("map-status").textContent = t.map_no_leaflet;
    return;
  }
  var map = L.map(el, { preferCanvas: false, zoomSnap: 0.25 });
  if (el.dataset.tiles) L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map);
  var grids = L.layerGroup().addTo(map);
  var communities = L.layerGroup().addTo(map);
  var features = [];
  var layersByCode = {};
  var card = document.getElementById("grid-card");
  var statusLine = document.getElementById("map-status");
  var figure = document.getElementById("map-figure");
  var eventsLayer = L.layerGroup().addTo(map);
  var eventState = document.getElementById("map-events");
  var eventType = document.getElementById("map-event-type");
  var eventStatus = document.getElementById("map-events-status");
  var eventPoints = [];
  var buildingsLayer = L.layerGroup().addTo(map);
  var buildingsBox = document.getElementById("map-buildings");
  var canvas = L.canvas({ padding: 0.3 });
  var currentUnit = el.dataset.unit;

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  var areaMax = 1;
  function colour(p) {
    switch (figure.value) {
      case "area":
        var share = Math.min(1, p.area_m2 / areaMax);
        return "hsl(" + Math.round(200 - 160 * share) + ",70%,50%)";
      case "kind":
        return p.kind === "special_grid" ? "#8e44ad" : "#1a5fb4";
      case "open":
      case "overdue":
        var n = figure.value === "open" ? p.open_events : p.overdue_events;
        if (!n) return "#e0e0e0";
        var top = Math.max.apply(null, features.map(function (f) { return figure.value === "open" ? f.properties.open_events : f.properties.overdue_events; }).concat([1]));
        return "hsl(" + Math.round(45 - 45 * Math.min(1, n / top)) + ",85%," + Math.round(60 - 20 * Math.min(1, n / top)) + "%)";
      default:
        if (p.kind === "special_grid") return "#8e44ad";
        return p.full_time ? "#2e7d32" : "#c62828";
    }
  }

  function style(feature) {
    var p = feature.properties;
    return { color: p.kind === "special_grid" ? "#4a235a" : "#37474f", weight: p.kind === "special_grid" ? 2 : 1,
             fillColor: colour(p), fillOpacity: p.kind === "special_grid" ? 0.55 : 0.35,
             dashArray: p.kind === "special_grid" ? "4 3" : null };
  }

  function showCard(p) {
    var staff = (p.staff || []).map(function (m) {
      return "<li>" + esc(m.role_label) + "：" + esc(m.name) + (m.work_phone ? " <span class='muted'>" + esc(m.work_phone) + "</span>" : "") + "</li>";
    }).join("");
    card.innerHTML = "<h2 id='card-name'>" + esc(p.name) + "</h2>" +
      "<dl><dt>" + esc(t.map_card_code) + "</dt><dd><code>" + esc(p.code) + "</code></dd>" +
      "<dt>" + esc(t.map_card_parent) + "</dt><dd>" + esc(p.parent_name || p.parent) + "</dd>" +
      "<dt>" + esc(t.map_card_area) + "</dt><dd>" + (p.area_m2 / 1e6).toFixed(2) + " " + esc(t.map_km2) + "</dd>" +
      "<dt>" + esc(t.map_card_open) + "</dt><dd>" + (p.open_events || 0) + "</dd>" +
      "<dt>" + esc(t.map_card_overdue) + "</dt><dd" + (p.overdue_events ? " class='error'" : "") + ">" + (p.overdue_events || 0) + "</dd></dl>" +
      "<h3>" + esc(t.map_card_staff) + "</h3>" +
      (staff ? "<ul class='staff'>" + staff + "</ul>" : "<p class='error'>" + esc(t.map_no_full_time) + "</p>") +
      "<p><a id='card-grid-page' href='/console/grids/" + encodeURIComponent(p.code) + "'>" + esc(t.map_card_page) + "</a> · " +
      "<a href='/board/" + encodeURIComponent(p.code) + "' target='_blank'>" + esc(t.map_card_board) + "</a></p>";
    card.hidden = false;
  }

  function legend() {
    var box = document.getElementById("map-legend");
    if (figure.value === "staff") {
      box.innerHTML = "<span class='swatch' style='background:#2e7d32'></span>" + esc(t.map_legend_staffed) +
        " <span class='swatch' style='background:#c62828'></span>" + esc(t.map_legend_unstaffed) +
        " <span class='swatch' style='background:#8e44ad'></span>" + esc(t.map_legend_special);
    } else {
      box.textContent = "";
    }
  }

  function restyle() {
    grids.eachLayer(function (layer) { layer.setStyle(style(layer.feature)); });
    legend();
  }

  function load(unit) {
    statusLine.textContent = t.map_loading;
    grids.clearLayers(); communities.clearLayers(); layersByCode = {}; card.hidden = true;
    Promise.all([
      fetch("/api/v1/grids?unit=" + encodeURIComponent(unit), { credentials: "same-origin" }).then(function (r) { return r.json(); }),
      fetch("/api/v1/grids?level=community&unit=" + encodeURIComponent(unit), { credentials: "same-origin" }).then(function (r) { return r.json(); })
    ]).then(function (answers) {
      features = answers[0].features || [];
      var names = {};
      (answers[1].features || []).forEach(function (c) { names[c.properties.code] = c.properties.name; });
      areaMax = Math.max.apply(null, features.map(function (f) { return f.properties.area_m2; }).concat([1]));
      features.forEach(function (f) { f.properties.parent_name = names[f.properties.parent]; });
      L.geoJSON(answers[1], { style: { color: "#263238", weight: 2.5, fill: false }, interactive: false }).addTo(communities);
      var general = features.filter(function (f) { return f.properties.kind !== "special_grid"; });
      var special = features.filter(function (f) { return f.properties.kind === "special_grid"; });
      L.geoJSON({ type: "FeatureCollection", features: general.concat(special) }, {
        style: style,
        onEachFeature: function (feature, layer) {
          layersByCode[feature.properties.code] = layer;
          layer.bindTooltip(feature.properties.name, { sticky: true });
          layer.on("click", function () { showCard(feature.properties); });
        }
      }).eachLayer(function (layer) { grids.addLayer(layer); });
      var bounds = L.featureGroup(grids.getLayers()).getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
      statusLine.textContent = t.map_loaded.replace("%d", features.length);
      legend();
    }).catch(function () { statusLine.textContent = t.map_none; });
  }


  // Events as points, grouped on screen: points closer than CLUSTER px at the current zoom show as
  // one circle with their count (a click zooms to them); a lone event links to its page.
  var CLUSTER = 44;
  var OPEN_STATES = "reported,accepted,dispatched,in_progress,returned,handled,verified";

  function eventPopup(p) {
    return "<a href='/console/events/" + encodeURIComponent(p.id) + "'>" + esc(p.number) + "</a><br>" +
      esc(p.type_name) + " · " + esc(p.state_label) + (p.overdue ? " · <span class='error'>" + esc(t.map_events_overdue_mark) + "</span>" : "");
  }

  function drawEvents() {
    eventsLayer.clearLayers();
    var cells = {};
    eventPoints.forEach(function (f) {
      var c = f.geometry.coordinates, ll = L.latLng(c[1], c[0]), pt = map.latLngToLayerPoint(ll);
      var key = Math.floor(pt.x / CLUSTER) + ":" + Math.floor(pt.y / CLUSTER);
      (cells[key] = cells[key] || []).push({ f: f, ll: ll });
    });
    Object.keys(cells).forEach(function (key) {
      var members = cells[key];
      var overdue = members.some(function (m) { return m.f.properties.overdue; });
      if (members.length === 1) {
        var only = members[0];
        L.circleMarker(only.ll, { radius: 7, weight: 2, color: "#fff", fillOpacity: 0.95, fillColor: only.f.properties.overdue ? "#c62828" : "#fb8c00" })
          .bindPopup(eventPopup(only.f.properties)).addTo(eventsLayer);
        return;
      }
      var bounds = L.latLngBounds(members.map(function (m) { return m.ll; }));
      var size = members.length < 10 ? 30 : members.length < 100 ? 36 : 44;
      L.marker(bounds.getCenter(), {
        icon: L.divIcon({ className: "event-cluster" + (overdue ? " overdue" : ""), html: "<span style='line-height:" + (size - 4) + "px'>" + members.length + "</span>", iconSize: [size, size] }),
        title: t.map_events_cluster.replace("%d", members.length), keyboard: true
      }).on("click", function () {
        if (map.getZoom() >= map.getMaxZoom() || bounds.getNorthEast().equals(bounds.getSouthWest())) {
          L.popup().setLatLng(bounds.getCenter()).setContent(members.slice(0, 30).map(function (m) { return eventPopup(m.f.properties); }).join("<hr>")).openOn(map);
        } else {
          map.fitBounds(bounds.pad(0.2));
        }
      }).addTo(eventsLayer);
    });
  }

  function loadEvents() {
    eventsLayer.clearLayers(); eventPoints = [];
    if (eventState.value === "none") { eventStatus.textContent = ""; return; }
    var q = "/api/v1/events/map?unit=" + encodeURIComponent(currentUnit);
    if (eventState.value === "open") q += "&state=" + OPEN_STATES;
    if (eventState.value === "overdue") q += "&overdue=true";
    if (eventType.value) q += "&type=" + encodeURIComponent(eventType.value);
    eventStatus.textContent = t.map_loading;
    fetch(q, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (answer) {
      eventPoints = answer.features || [];
      eventStatus.textContent = (answer.total ? t.map_events_partial.replace("%d", answer.total) : t.map_events_loaded).replace("%n", eventPoints.length);
      // the grids may not have given the map its view yet: draw once it has one
      map.whenReady(drawEvents);
    }).catch(function () { eventStatus.textContent = t.map_none; });
  }


  // Buildings of the shown unit as small squares on a canvas (thousands stay fluid), each linking
  // to its page with rooms and residents.
  function loadBuildings() {
    buildingsLayer.clearLayers();
    if (!buildingsBox.checked) return;
    fetch("/api/v1/buildings/map?unit=" + encodeURIComponent(currentUnit), { credentials: "same-origin" })
      .then(function (r) { return r.json(); }).then(function (answer) {
        (answer.features || []).forEach(function (f) {
          var c = f.geometry.coordinates, p = f.properties;
          L.circleMarker([c[1], c[0]], { renderer: canvas, radius: 4, weight: 1, color: "#37474f", fillColor: "#90a4ae", fillOpacity: 0.9 })
            .bindPopup("<a href='/console/buildings/" + encodeURIComponent(p.id) + "'>" + esc(p.name) + "</a><br>" + esc(p.address) +
                       "<br>" + esc(p.use) + " · " + p.floors + " " + esc(t.map_buildings_floors))
            .addTo(buildingsLayer);
        });
        if (answer.total) statusLine.textContent = t.map_buildings_partial.replace("%n", answer.features.length).replace("%d", answer.total);
      });
  }
  buildingsBox.addEventListener("change", loadBuildings);

  map.on("zoomend", drawEvents);
  eventState.addEventListener("change", loadEvents);
  eventType.addEventListener("change", loadEvents);

  document.getElementById("map-unit").addEventListener("change", function (e) { currentUnit = e.target.value; load(currentUnit); loadEvents(); loadBuildings(); });
  figure.addEventListener("change", restyle);
  document.getElementById("map-search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var q = document.getElementById("map-search").value.trim();
    var hit = features.filter(function (f) { return f.properties.code === q || f.properties.name.indexOf(q) >= 0; })[0];
    if (!q || !hit) { statusLine.textContent = t.map_search_none; return; }
    var layer = layersByCode[hit.properties.code];
    map.fitBounds(layer.getBounds(), { maxZoom: 16 });
    showCard(hit.properties);
  });
  load(currentUnit);
  loadEvents();
})();
