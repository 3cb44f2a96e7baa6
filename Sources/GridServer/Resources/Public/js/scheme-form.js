// The scheme editor: show only the numbers the chosen rule needs, and add up the rewarding
// items' weights as they are typed (the server checks the same sum of 100 on save).
(function () {
  "use strict";
  var form = document.getElementById("scheme-form");
  if (!form) { return; }
  var total = document.getElementById("scheme-total");

  function showRule(row) {
    var kind = row.querySelector(".rule-kind").value;
    row.setAttribute("data-rule", kind);
    ["linear", "thresholds", "penalty"].forEach(function (name) {
      var part = row.querySelector(".rule-" + name);
      if (part) { part.hidden = name !== kind; }
    });
  }

  function addUp() {
    var sum = 0;
    form.querySelectorAll("#scheme-items tbody tr").forEach(function (row) {
      var indicator = row.querySelector("select[name$='-indicator']").value;
      var weight = parseFloat(row.querySelector("input[name$='-weight']").value);
      if (indicator && row.getAttribute("data-rule") !== "penalty" && !isNaN(weight)) { sum += weight; }
    });
    total.textContent = total.getAttribute("data-label") + " " + (Math.round(sum * 100) / 100) + " / 100";
    total.className = Math.abs(sum - 100) < 0.001 ? "small" : "small field-error";
  }

  form.querySelectorAll("#scheme-items tbody tr").forEach(function (row) {
    showRule(row);
    row.querySelector(".rule-kind").addEventListener("change", function () { showRule(row); addUp(); });
  });
  form.addEventListener("input", addUp);
  form.addEventListener("change", addUp);
  addUp();
})();
