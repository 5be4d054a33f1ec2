/* Evidence files on the realisation grid, without leaving the page: plain JavaScript, no
   framework. The upload and delete forms are posted with fetch() asking for JSON; the server
   answers with its messages and the new evidence list of each leaf touched, which replaces
   that leaf's list in place, so the cells typed but not yet saved stay as they are. The
   rules (who may, which files, which months) are the server's, as for the plain form posts
   this replaces; without JavaScript those posts work as before. */
(function () {
  "use strict";
  var upload = document.getElementById("evidence-upload");
  var remove = document.getElementById("evidence-delete");
  var script = document.currentScript;
  var failed = (script && script.dataset.failed) || "Error";
  if (!upload || !remove || !window.fetch || !window.FormData) { return; }
  Array.prototype.forEach.call(document.querySelectorAll(".nojs-only"), function (el) {
    el.hidden = true;
  });

  // Where to say what happened: under the button pressed, in its leaf's cell (the grid is
  // long), or in the box under the table when the form was sent another way.
  function place(button) {
    var cell = button && button.closest("td");
    if (!cell) { return document.getElementById("evidence-messages"); }
    var box = cell.querySelector(".evidence-msg");
    if (!box) {
      box = document.createElement("div");
      box.className = "evidence-msg";
      box.setAttribute("role", "status");
      cell.appendChild(box);
    }
    return box;
  }

  function say(box, messages) {
    if (!box) { return; }
    box.textContent = "";
    messages.forEach(function (m) {
      var p = document.createElement("p");
      p.className = "msg " + (m.level === "success" ? "success" : "error");
      p.textContent = m.text;
      box.appendChild(p);
    });
  }

  function send(form, data, box, done) {
    var buttons = form.id ? document.querySelectorAll('button[form="' + form.id + '"]') : [];
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") !== 0) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (answer) {
      Object.keys(answer.files || {}).forEach(function (id) {
        var list = document.getElementById("files-" + id);
        if (list) { list.innerHTML = answer.files[id]; }  // markup escaped by the server
      });
      say(box, answer.messages || []);
      if (answer.ok && done) { done(); }
    }).catch(function () {
      say(box, [{ level: "error", text: failed }]);
    }).then(function () {
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
    });
  }

  upload.addEventListener("submit", function (event) {
    event.preventDefault();
    // the token and every file input of the grid (form="evidence-upload"), all or none
    var data = new FormData(upload);
    send(upload, data, place(event.submitter), function () {
      Array.prototype.forEach.call(
        document.querySelectorAll('input[type=file][form="evidence-upload"]'),
        function (input) { input.value = ""; }
      );
    });
  });

  remove.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(remove);
    var button = event.submitter;
    if (button && button.name) { data.append(button.name, button.value); }
    send(remove, data, place(button));
  });
})();
