// GridGov dashboard: the 30-day trend as a line chart (Chart.js from Debian's libjs-chart.js).
// The figures are all in the page's tables; without Chart.js a line says so.
(function () {
  "use strict";
  var canvas = document.getElementById("trend");
  if (!canvas) return;
  if (!window.Chart) { canvas.hidden = true; document.getElementById("trend-fallback").hidden = false; return; }
  var data = JSON.parse(document.getElementById("trend-data").textContent);
  new Chart(canvas, {
    type: "line",
    data: {
      labels: data.labels,
      datasets: [
        { label: data.names[0], data: data.reported.map(Number), borderColor: "#b3261e", backgroundColor: "#b3261e33", tension: 0.25 },
        { label: data.names[1], data: data.closed.map(Number), borderColor: "#1a5fb4", backgroundColor: "#1a5fb433", tension: 0.25 }
      ]
    },
    options: { animation: false, responsive: true, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
