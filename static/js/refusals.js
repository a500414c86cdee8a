// Refused edits are shown where the editor is looking, in every mode.
//
// Our refusals (400 bad input, 403 not allowed, 409 someone else changed it, 422 refused) are
// fragments: the form again, with the message and what the editor typed. htmx leaves error
// answers unswapped by default, so they are swapped here like any answer.
//
// With DEBUG on, django-htmx's debug script (listening on the document) replaces the whole
// page with any 400/403 answer, to show Django's error pages. A fragment of ours is not such a
// page: it is kept from reaching that script, by a listener on the window that runs before it.
// A whole document (Django's own error or debug page) still goes through.
(function () {
  "use strict";

  var SHOWN = [400, 403, 409, 422];

  function isOurFragment(xhr) {
    if (SHOWN.indexOf(xhr.status) === -1) {
      return false;
    }
    var type = xhr.getResponseHeader("Content-Type") || "";
    var text = typeof xhr.response === "string" ? xhr.response : "";
    return type.indexOf("text/html") === 0 && !/<html[\s>]/i.test(text);
  }

  window.addEventListener(
    "htmx:beforeOnLoad",
    function (event) {
      if (isOurFragment(event.detail.xhr)) {
        event.stopPropagation();
      }
    },
    true
  );

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (isOurFragment(event.detail.xhr)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
