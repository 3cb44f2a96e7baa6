// GridGov residents' portal: the pin map and the item's details on the report form, and the
// public map of recent events. Progressive: without Leaflet or scripts the forms still work
// (typed address, server-rendered list).
(function () {
  "use strict";
  var strings = {};
  var stringsEl = document.getElementById("portal-strings");
  if (stringsEl) { try { strings = JSON.parse(stringsEl.textContent); } catch (e) { strings = {}; } }

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function getJSON(url, done) {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", url);
    xhr.onload = function () { if (xhr.status === 200) { try { done(JSON.parse(xhr.responseText)); } catch (e) { /* ignore */ } } };
    xhr.send();
  }

  // The chosen item's details (attributes), from the specs embedded in the page.
  var typeSelect = document.getElementById("type");
  var specsEl = document.getElementById("attribute-specs");
  if (typeSelect && specsEl) {
    var specs = {};
    try { specs = JSON.parse(specsEl.textContent); } catch (e) { specs = {}; }
    var box = document.getElementById("attributes");
    typeSelect.addEventListener("change", function () {
      var list = specs[typeSelect.value] || [];
      box.innerHTML = list.map(function (a) {
        var id = "attr-" + esc(a.key), name = "attr[" + esc(a.key) + "]";
        var label = '<label for="' + id + '">' + esc(a.label) + (a.required ? " *" : "") + "</label>";
        if (a.type === "choice") {
          return label + '<select id="' + id + '" name="' + name + '"><option value=""></option>' +
            a.options.map(function (o) { return "<option>" + esc(o) + "</option>"; }).join("") + "</select>";
        }
        if (a.type === "boolean") {
          return label + '<select id="' + id + '" name="' + name + '"><option value=""></option><option value="true">是</option><option value="false">否</option></select>';
        }
        return label + '<input id="' + id + '" name="' + name + '"' + (a.type === "integer" ? ' inputmode="numeric"' : "") + ">";
      }).join("");
    });
  }

  function outlineLayer(data, style) {
    return L.geoJSON(data, { style: style || { color: "#b3261e", weight: 1, fillOpacity: 0.05 } });
  }

  // The pin on the report form: the map is in GCJ-02 like the outlines; the phone's GPS in WGS-84.
  var pinMap = document.getElementById("pin-map");
  if (pinMap) {
    var lon = document.getElementById("lon"), lat = document.getElementById("lat"), datum = document.getElementById("datum");
    var status = document.getElementById("pin-status");
    var marker = null, map = null;
    if (window.L) {
      map = L.map(pinMap, { zoomSnap: 0.25 });
      window.portalPinMap = map;
      map.setView([30.8, 103.9], 10);
      getJSON(pinMap.dataset.outlines, function (data) {
        window.portalOutlines = data;
        var layer = outlineLayer(data).addTo(map);
        if (data.features && data.features.length) map.fitBounds(layer.getBounds());
        pinMap.dataset.ready = "true";
      });
      var place = function (latlng, d) {
        if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng).addTo(map);
        lon.value = latlng.lng.toFixed(6);
        lat.value = latlng.lat.toFixed(6);
        datum.value = d;
      };
      map.on("click", function (e) {
        place(e.latlng, "gcj02");
        status.textContent = strings.pinned || "";
        pinMap.dataset.pinned = "true";
      });
      if (lon.value && lat.value) place(L.latLng(parseFloat(lat.value), parseFloat(lon.value)), datum.value || "gcj02");
      window.portalPlace = place;
    } else {
      pinMap.style.display = "none";
      status.textContent = strings.no_map || "";
    }
    var gps = document.getElementById("use-gps");
    if (gps) gps.addEventListener("click", function () {
      if (!navigator.geolocation) { status.textContent = strings.gps_failed || ""; return; }
      navigator.geolocation.getCurrentPosition(function (p) {
        lon.value = p.coords.longitude.toFixed(6);
        lat.value = p.coords.latitude.toFixed(6);
        datum.value = "wgs84";
        if (map) {
          var ll = L.latLng(p.coords.latitude, p.coords.longitude);
          if (marker) marker.setLatLng(ll); else marker = L.marker(ll).addTo(map);
          map.setView(ll, 16);
        }
        status.textContent = strings.gps_fixed || "";
      }, function () { status.textContent = strings.gps_failed || ""; }, { enableHighAccuracy: true, timeout: 15000 });
    });
  }

  // The public map: the community's grids and its recent public events.
  var eventsMap = document.getElementById("events-map");
  if (eventsMap) {
    var code = eventsMap.dataset.community;
    if (!window.L || !code) {
      eventsMap.style.display = "none";
      if (!window.L) document.getElementById("map-status").textContent = strings.no_map || "";
    } else {
      var emap = L.map(eventsMap, { zoomSnap: 0.25 });
      emap.setView([30.8, 103.9], 12);
      getJSON("/portal/map/outlines.json?community=" + encodeURIComponent(code), function (data) {
        var layer = outlineLayer(data, function (f) {
          return f.properties.kind === "community" ? { color: "#b3261e", weight: 2, fillOpacity: 0 } : { color: "#888", weight: 1, fillOpacity: 0.03 };
        }).addTo(emap);
        if (data.features && data.features.length) emap.fitBounds(layer.getBounds());
        getJSON("/portal/map/events.json?community=" + encodeURIComponent(code), function (events) {
          var colours = { received: "#e65100", accepted: "#f9a825", handling: "#1565c0", handled: "#2e7d32", done: "#2e7d32", not_taken_up: "#757575" };
          (events.features || []).forEach(function (f) {
            var c = f.geometry.coordinates, p = f.properties;
            L.circleMarker([c[1], c[0]], { radius: 7, color: "#fff", weight: 1, fillColor: colours[p.stage] || "#555", fillOpacity: 0.9 })
              .bindPopup("<strong>" + esc(p.type) + "</strong><br>" + esc(p.stage_label) + "<br>" + esc(p.day)).addTo(emap);
          });
          eventsMap.dataset.ready = "true";
        });
      });
    }
  }
})();
