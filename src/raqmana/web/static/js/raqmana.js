// raqmana: progressive enhancement only — every page reads and every form submits without JavaScript.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  document.addEventListener("htmx:configRequest", function (event) {
    if (meta) { event.detail.headers["X-CSRF-Token"] = meta.getAttribute("content"); }
  });
  // any other 4xx fragment the server has explicitly aimed at a form's error box (HX-Retarget, from the
  // form's X-Error-Target header) is shown there too, e.g. a 413 for an oversized upload
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.status >= 400 && xhr.status < 500 && xhr.getResponseHeader("HX-Retarget")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  // file fields (macros.file_field): the chosen files' names beside the button, in place of the browser's
  // own words; "no file chosen" again when the form is emptied
  function showChosen(input) {
    var box = document.getElementById(input.id + "-chosen");
    if (!box) { return; }
    var names = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
    box.textContent = names.length ? names.join("; ") : box.getAttribute("data-none");
    box.dir = names.length ? "auto" : "";
  }
  function showAllChosen(root) {
    Array.prototype.forEach.call(root.querySelectorAll("input.rq-file-input"), showChosen);
  }
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input && input.classList && input.classList.contains("rq-file-input")) { showChosen(input); }
  });
  document.addEventListener("reset", function (event) {
    var form = event.target;
    setTimeout(function () { showAllChosen(form); }, 0);
  });
  document.addEventListener("DOMContentLoaded", function () { showAllChosen(document); });
  document.addEventListener("htmx:load", function (event) { showAllChosen(event.detail.elt); });
  // an evidence form is emptied after a successful upload, and its old error message cleared.
  // 409/422/403 fragments are swapped (see htmx-config responseHandling), so htmx counts them as
  // "successful": only a 2xx status empties the form; otherwise the file and the shown error stay.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    var xhr = event.detail.xhr;
    var ok = event.detail.successful && xhr && xhr.status >= 200 && xhr.status < 300;
    if (form && form.hasAttribute && form.hasAttribute("data-reset-on-success") && ok) {
      form.reset();
      var box = form.querySelector("[id^=evmsg-]");
      if (box) { box.textContent = ""; }
    }
  });
})();
