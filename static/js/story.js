// The comparison page: only what htmx can't do. htmx loads the statement panel; this
// - lights up a chosen quote's renditions in every column and brings them into view, sideways
//   too, and marks the outlets that carry it in the chips, the tabs and the strip's bar;
// - keeps the strip's bar ("‹ 3 | columns 4–7 of 11 | 4 ›") in step with the scrolling;
// - opens the panel when htmx fills it and closes it (× or Escape): beside the strip on a
//   desktop, a sheet on phones.
(function () {
  "use strict";

  document.documentElement.classList.add("js");
  var layout = document.getElementById("comparison-layout");
  if (!layout) {
    return;
  }
  layout.classList.add("js-panel");

  function strip() {
    return document.querySelector("#comparison .columns");
  }

  function columns() {
    return Array.prototype.slice.call(document.querySelectorAll("#comparison .column"));
  }

  // A column counts as on screen when most of it shows inside the strip.
  function isInView(column, box) {
    var rect = column.getBoundingClientRect();
    var shown = Math.min(rect.right, box.right) - Math.max(rect.left, box.left);
    return shown >= rect.width * 0.6;
  }

  function renditions(group) {
    return document.querySelectorAll('.columns [data-group="' + group + '"]');
  }

  function activeGroup() {
    var active = document.querySelector(".columns .quote.is-active");
    return active ? active.getAttribute("data-group") : null;
  }

  // ----------------------------------------------------------------- the strip's bar

  function updateBar() {
    var container = strip();
    var bar = document.querySelector("#comparison .strip-bar");
    if (!container || !bar) {
      return;
    }
    var box = container.getBoundingClientRect();
    var all = columns();
    var left = 0;
    var right = 0;
    var leftCarry = 0;
    var rightCarry = 0;
    var shown = [];
    all.forEach(function (column, index) {
      var visible = isInView(column, box);
      var carries = column.classList.contains("has-rendition");
      if (visible) {
        shown.push(index + 1);
      } else if (column.getBoundingClientRect().left < box.left) {
        left += 1;
        leftCarry += carries ? 1 : 0;
      } else {
        right += 1;
        rightCarry += carries ? 1 : 0;
      }
      document
        .querySelectorAll('#comparison [data-column="' + column.id + '"]')
        .forEach(function (link) {
          (link.closest(".chip") || link).classList.toggle("is-in-view", visible);
        });
    });
    var fits = left === 0 && right === 0;
    bar.toggleAttribute("data-fits", fits);
    var wrapper = container.parentElement;
    wrapper.classList.toggle("more-left", left > 0);
    wrapper.classList.toggle("more-right", right > 0);
    var moves = bar.querySelectorAll(".strip-move");
    describe(moves[0], bar.querySelector('[data-side="left"]'), left, leftCarry);
    describe(moves[1], bar.querySelector('[data-side="right"]'), right, rightCarry);
    var status = bar.querySelector(".strip-status");
    status.textContent = shown.length
      ? "Columns " + shown[0] + "–" + shown[shown.length - 1] + " of " + all.length +
        (left || right ? ": scroll sideways or pick an outlet above for the rest" : "")
      : all.length + " columns";
  }

  function describe(button, count, hidden, carrying) {
    button.disabled = hidden === 0;
    count.textContent = hidden
      ? hidden + " more" + (carrying ? " (" + carrying + " with this statement)" : "")
      : "";
    button.classList.toggle("has-rendition", carrying > 0);
  }

  function scrollToColumn(column, align) {
    var container = strip();
    if (!container || !column) {
      return;
    }
    var box = container.getBoundingClientRect();
    var rect = column.getBoundingClientRect();
    var target = container.scrollLeft + rect.left - box.left;
    if (align === "nearest") {
      if (rect.left >= box.left && rect.right <= box.right) {
        return;
      }
      if (rect.right > box.right) {
        target = container.scrollLeft + rect.right - box.right;
      }
    }
    container.scrollTo({ left: target });
  }

  // The bar's buttons: to the next column off screen on that side, one carrying the chosen
  // statement first.
  function move(direction) {
    var container = strip();
    var box = container.getBoundingClientRect();
    var off = columns().filter(function (column) {
      var rect = column.getBoundingClientRect();
      return !isInView(column, box) && (direction > 0 ? rect.left > box.left : rect.left < box.left);
    });
    if (direction < 0) {
      off.reverse();
    }
    var carrying = off.filter(function (column) {
      return column.classList.contains("has-rendition");
    });
    scrollToColumn(carrying[0] || off[0], "nearest");
  }

  // ----------------------------------------------------------------- a chosen statement

  function scrollIntoColumn(element) {
    var body = element.closest(".column-body");
    if (!body || body.scrollHeight <= body.clientHeight) {
      return;
    }
    var top = element.getBoundingClientRect().top - body.getBoundingClientRect().top;
    body.scrollTo({ top: body.scrollTop + top - body.clientHeight / 3, behavior: "smooth" });
  }

  function markCarriers(group) {
    document.querySelectorAll("#comparison .has-rendition").forEach(function (el) {
      el.classList.remove("has-rendition");
    });
    if (!group) {
      return;
    }
    var carriers = new Set();
    renditions(group).forEach(function (el) {
      var column = el.closest(".column");
      if (column) {
        carriers.add(column);
      }
    });
    if (carriers.size < 2) {
      return; // a statement of one article: nothing to compare it with
    }
    carriers.forEach(function (column) {
      column.classList.add("has-rendition");
      document
        .querySelectorAll('#comparison [data-column="' + column.id + '"]')
        .forEach(function (link) {
          (link.closest(".chip") || link).classList.add("has-rendition");
        });
    });
  }

  function activate(quote, bringIntoView) {
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
    markCarriers(group);
    var own = quote.closest(".column");
    firstPerColumn.forEach(function (el, column) {
      if (column !== own) {
        scrollIntoColumn(el);
      }
    });
    if (bringIntoView) {
      // Sideways to the nearest carrying column off screen, keeping the chosen one in view
      // where both fit; the bar counts the rest.
      var container = strip();
      var box = container.getBoundingClientRect();
      var ownRect = own ? own.getBoundingClientRect() : null;
      var next = null;
      firstPerColumn.forEach(function (el, column) {
        if (column === own || isInView(column, box)) {
          return;
        }
        var rect = column.getBoundingClientRect();
        var distance = ownRect ? Math.abs(rect.left - ownRect.left) : 0;
        if (!next || distance < next.distance) {
          next = { column: column, distance: distance };
        }
      });
      if (next && (!ownRect || next.distance + ownRect.width <= box.width)) {
        scrollToColumn(next.column, "nearest");
      }
    }
    updateBar();
  }

  document.addEventListener("click", function (event) {
    var quote = event.target.closest(".columns a.quote[data-group]");
    if (quote) {
      activate(quote, true);
      return;
    }
    var link = event.target.closest("#comparison-layout [data-column]");
    if (link) {
      var column = document.getElementById(link.getAttribute("data-column"));
      if (column) {
        event.preventDefault();
        scrollToColumn(column, "start");
        column.querySelector(".column-body").focus({ preventScroll: true });
        var group = activeGroup();
        var rendition = group && column.querySelector('[data-group="' + group + '"]');
        if (rendition) {
          scrollIntoColumn(rendition);
        }
        if (!column.closest(".strip").contains(link) && window.matchMedia("(max-width: 60rem)").matches) {
          closePanel(); // a sheet would hide the column it points to
        }
      }
      return;
    }
    var moveButton = event.target.closest(".strip-move");
    if (moveButton) {
      move(Number(moveButton.getAttribute("data-move")));
      return;
    }
    if (event.target.closest(".sheet-close")) {
      closePanel();
    }
  });
  document.addEventListener("focusin", function (event) {
    var quote = event.target.closest(".columns a.quote[data-group]");
    if (quote) {
      activate(quote, false);
    }
  });

  // ----------------------------------------------------------------- the panel

  function openPanel() {
    layout.classList.add("panel-open");
    updateBar();
  }

  function closePanel() {
    layout.classList.remove("panel-open");
    document.querySelectorAll(".quote.is-active").forEach(function (el) {
      el.classList.remove("is-active");
    });
    markCarriers(null);
    updateBar();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && layout.classList.contains("panel-open")) {
      var field = event.target.closest && event.target.closest("input, textarea, select");
      if (!field) {
        closePanel();
      }
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target.id === "statement-panel") {
      openPanel();
      return;
    }
    // New columns swapped in: a statement chosen earlier stays lit.
    var panel = document.querySelector("#statement-panel .statement");
    if (panel && layout.classList.contains("panel-open")) {
      var first = renditions(panel.getAttribute("data-group"))[0];
      if (first) {
        activate(first, false);
      }
    }
    bindStrip();
    updateBar();
  });

  function bindStrip() {
    var container = strip();
    if (container && !container.hasAttribute("data-bound")) {
      container.setAttribute("data-bound", "");
      container.addEventListener("scroll", updateBar, { passive: true });
    }
  }

  window.addEventListener("resize", updateBar);
  bindStrip();
  updateBar();
})();
