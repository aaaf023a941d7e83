// teikit corpus index: filter by person and kind, search the texts. No network.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("tk-data").textContent);
  var search = document.getElementById("tk-search");
  var person = document.getElementById("tk-person");
  var kind = document.getElementById("tk-kind");
  var count = document.getElementById("tk-count");
  var rows = document.querySelectorAll("tbody tr");
  var lowered = data.map(function (d) { return d.text.toLowerCase(); });
  function apply() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var d = data[Number(rows[i].getAttribute("data-row"))];
      var text = lowered[Number(rows[i].getAttribute("data-row"))];
      var ok = (!person.value || d.persons.indexOf(person.value) >= 0) &&
        (!kind.value || d.kind === kind.value) &&
        words.every(function (w) { return text.indexOf(w) >= 0; });
      rows[i].hidden = !ok;
      if (ok) { shown++; }
    }
    count.textContent = shown + (shown === 1 ? " document" : " documents");
  }
  search.addEventListener("input", apply);
  person.addEventListener("change", apply);
  kind.addEventListener("change", apply);
  document.querySelector("form.filters").addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
