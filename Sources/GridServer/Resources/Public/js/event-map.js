// GridGov event page: the event's place on its grid's outline (GCJ-02, as the console's map).
// Progressive: without Leaflet the coordinates under the frame still say where it is.
(function () {
  "use strict";
  var el = document.getElementById("event-map");
  if (!el || !window.L) { if (el) el.style.display = "none"; return; }
  var point = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
  var map = L.map(el).setView(point, 16);
  L.circleMarker(point, { radius: 8, color: "#b3261e", weight: 3, fillOpacity: 0.6 }).addTo(map);
  if (!el.dataset.grid) return;
  fetch("/api/v1/grids/" + encodeURIComponent(el.dataset.grid), { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (feature) {
      if (!feature) return;
      var outline = L.geoJSON(feature, { style: { color: "#1a5fb4", weight: 2, fillOpacity: 0.08 } }).addTo(map);
      map.fitBounds(outline.getBounds().extend(point), { padding: [12, 12] });
    })
    .catch(function () {});
})();
