// The review queue with the keyboard (the keys are listed on the page): j/↓ next, k/↑
// previous, c confirm, r reject, x select, u undo the last decision, Shift+C confirm the
// selected. Each key presses the row's own button, so the page works the same with a mouse,
// and without this script. After a decision the next quote waiting becomes the current one.
(function () {
  "use strict";

  var current = null; // the id of the current quote
  var decided = []; // quotes decided on this page, newest last, for undo

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#queue tr.queue-row"));
  }

  function rowOf(id) {
    return document.getElementById("review-row-" + id);
  }

  function show(row) {
    rows().forEach(function (each) {
      each.classList.toggle("is-current", each === row);
    });
    if (row) {
      current = row.getAttribute("data-quote");
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
    }
  }

  function move(step) {
    var list = rows();
    if (!list.length) {
      return;
    }
    var index = list.indexOf(rowOf(current));
    var next = index === -1 ? 0 : Math.min(Math.max(index + step, 0), list.length - 1);
    show(list[next]);
  }

  // The next row still waiting after `row` (or the row itself, if none is).
  function nextWaiting(row) {
    var list = rows();
    for (var i = list.indexOf(row) + 1; i < list.length; i++) {
      if (list[i].classList.contains("is-unreviewed")) {
        return list[i];
      }
    }
    return row;
  }

  function press(row, key) {
    var button = row && row.querySelector('[data-key="' + key + '"]');
    if (button) {
      // htmx binds swapped-in content only once it settles; a key pressed sooner would submit
      // the form natively and leave the page. Binding twice is a no-op.
      if (window.htmx) {
        window.htmx.process(button.closest("form") || button);
      }
      button.click();
      return true;
    }
    return false;
  }

  function updateSelected() {
    var count = document.querySelectorAll("#queue .select-quote:checked").length;
    var label = document.getElementById("selected-count");
    if (label) {
      label.textContent = count ? count + " selected" : "";
    }
    rows().forEach(function (row) {
      var box = row.querySelector(".select-quote");
      row.classList.toggle("is-selected", Boolean(box && box.checked));
    });
  }

  document.addEventListener("keydown", function (event) {
    if (!document.getElementById("queue") || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" && target.type !== "checkbox") {
      return;
    }
    if (tag === "SELECT" || tag === "TEXTAREA") {
      return;
    }
    var row = rowOf(current);
    var handled = true;
    switch (event.key) {
      case "j":
      case "ArrowDown":
        move(1);
        break;
      case "k":
      case "ArrowUp":
        move(-1);
        break;
      case "c":
      case "r":
        press(row, event.key === "c" ? "confirm" : "reject");
        break;
      case "x":
        if (row && row.querySelector(".select-quote")) {
          var box = row.querySelector(".select-quote");
          box.checked = !box.checked;
          updateSelected();
        }
        break;
      case "C":
        var all = document.getElementById("confirm-selected");
        if (all && document.querySelector("#queue .select-quote:checked")) {
          all.click();
        }
        break;
      case "u":
        var last = decided.pop();
        if (last === "many") {
          press(document.getElementById("queue"), "undo-many");
        } else if (last && press(rowOf(last), "undo")) {
          current = last;
        }
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target.classList && event.target.classList.contains("select-quote")) {
      updateSelected();
    }
  });

  // A row came back from the server (settled: htmx then puts back the classes of an element
  // swapped for one with the same id): after a decision go on to the next one waiting; after
  // an undo stay on it. The whole list came back (several at once, filters): start over.
  // What "u" undoes is known as soon as the list is in the page, not only once it settles
  // (htmx's settle delay, longer on a busy machine): a "u" pressed on seeing "Confirmed 3
  // quotes." would otherwise find nothing to undo.
  document.addEventListener("htmx:afterSwap", function (event) {
    var swapped = event.detail.target;
    if (swapped && swapped.id === "queue") {
      decided = document.querySelector("#queue [data-key='undo-many']") ? ["many"] : [];
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var swapped = event.detail.target;
    if (swapped && swapped.id === "queue") {
      current = null;
      updateSelected();
      move(0);
      return;
    }
    var row = rowOf(current);
    if (!row || !document.getElementById("queue")) {
      return;
    }
    show(row.classList.contains("is-unreviewed") ? row : nextWaiting(row));
  });

  // Clicking in a row makes it the current one.
  document.addEventListener("click", function (event) {
    var row = event.target.closest && event.target.closest("#queue tr.queue-row");
    if (row) {
      rows().forEach(function (each) {
        each.classList.toggle("is-current", each === row);
      });
      current = row.getAttribute("data-quote");
      var key = event.target.getAttribute("data-key");
      if (key === "confirm" || key === "reject") {
        decided.push(current);
      }
    }
  });

  function start() {
    if (document.getElementById("queue")) {
      move(0);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
