// The comparison page: a quote chosen in one column lights up its renditions in the others
// and scrolls them into view. htmx loads the statement panel; this only does what htmx can't.
(function () {
  "use strict";

  function renditions(group) {
    return document.querySelectorAll('.columns [data-group="' + group + '"]');
  }

  function scrollIntoColumn(element) {
    var body = element.closest(".column-body");
    if (!body || body.scrollHeight <= body.clientHeight) {
      return;
    }
    var top = element.getBoundingClientRect().top - body.getBoundingClientRect().top;
    body.scrollTo({ top: body.scrollTop + top - body.clientHeight / 3, behavior: "smooth" });
  }

  function activate(quote) {
    var group = quote.getAttribute("data-group");
    document.querySelectorAll(".quote.is-active").forEach(function (el) {
      el.classList.remove("is-active");
    });
    var firstPerColumn = new Map();
    renditions(group).forEach(function (el) {
      el.classList.add("is-active");
      var column = el.closest(".column");
      if (column && !firstPerColumn.has(column)) {
        firstPerColumn.set(column, el);
      }
    });
    var own = quote.closest(".column");
    firstPerColumn.forEach(function (el, column) {
      if (column !== own) {
        scrollIntoColumn(el);
      }
    });
  }

  document.addEventListener("click", function (event) {
    var quote = event.target.closest(".columns a.quote[data-group]");
    if (quote) {
      activate(quote);
    }
  });
  document.addEventListener("focusin", function (event) {
    var quote = event.target.closest(".columns a.quote[data-group]");
    if (quote) {
      activate(quote);
    }
  });
  // On narrow screens the panel sits below the text: bring it into view once loaded.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target.id === "statement-panel" && window.matchMedia("(max-width: 60rem)").matches) {
      event.target.scrollIntoView({ behavior: "smooth", block: "start" });
    }
  });
  // After htmx swaps new columns in, a statement chosen earlier stays lit.
  document.addEventListener("htmx:afterSwap", function (event) {
    var panel = document.querySelector("#statement-panel .statement");
    if (panel && event.target.id !== "statement-panel") {
      var first = renditions(panel.getAttribute("data-group"))[0];
      if (first) {
        activate(first);
      }
    }
  });
})();
