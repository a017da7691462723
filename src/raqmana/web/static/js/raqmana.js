// raqmana: progressive enhancement only — every page reads and every form submits without JavaScript.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  document.addEventListener("htmx:configRequest", function (event) {
    if (meta) { event.detail.headers["X-CSRF-Token"] = meta.getAttribute("content"); }
  });
  // an evidence form is emptied after a successful upload, and its old error message cleared
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (form && form.hasAttribute && form.hasAttribute("data-reset-on-success") && event.detail.successful) {
      form.reset();
      var box = form.querySelector("[id^=evmsg-]");
      if (box) { box.textContent = ""; }
    }
  });
})();
