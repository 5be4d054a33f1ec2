/* Nomenclature search of the plan editor: plain JavaScript, no framework.
   Typing in the search box asks the server (JSON) for entries of the plan's version, of the
   level being added and under the parent; choosing one fills the code and name fields. */
(function () {
  "use strict";
  var box = document.querySelector("section.nomen-search");
  if (!box) { return; }
  var input = box.querySelector("input[type=search]");
  var list = box.querySelector("ul.nomen-results");
  var code = document.getElementById("id_code");
  var name = document.getElementById("id_name");
  var timer = null;

  function message(text) {
    list.textContent = "";
    var li = document.createElement("li");
    li.className = "empty";
    li.textContent = text;
    list.appendChild(li);
  }

  function show(results) {
    if (!results.length) { message(box.dataset.none); return; }
    list.textContent = "";
    results.forEach(function (entry) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      var span = document.createElement("span");
      button.type = "button";
      span.className = "code";
      span.textContent = entry.code;
      button.appendChild(span);
      button.appendChild(document.createTextNode(entry.name));
      button.addEventListener("click", function () {
        code.value = entry.code;
        name.value = entry.name;
        list.textContent = "";
        code.focus();
      });
      li.appendChild(button);
      list.appendChild(li);
    });
  }

  function search() {
    var query = input.value.trim();
    var params = new URLSearchParams({
      versi: box.dataset.version, q: query, tingkat: box.dataset.level, induk: box.dataset.parent
    });
    fetch(box.dataset.url + "?" + params.toString(), {
      credentials: "same-origin", headers: {"Accept": "application/json"}
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(function (data) {
      if (input.value.trim() === query) { show(data.results); }
    }).catch(function () { message(box.dataset.failed); });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  box.hidden = false;
  search();  // the choices under the parent, straight away
}());
