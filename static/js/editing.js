// Editing in place: only what htmx can't do alone. htmx loads the panels and submits every
// editing form (each also works without JavaScript; refusals are shown by refusals.js); this
// script
// - keeps the text around a quote in step with a change made in its panel;
// - turns a selection in the article's text into the "add a missed quote" form's paragraph
//   and offsets.
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  // ----------------------------------------------------------------- a quote changed

  function setLabel(quote, className, text) {
    var label = quote.querySelector(":scope > ." + className);
    if (!text) {
      if (label) {
        label.remove();
      }
      return;
    }
    if (!label) {
      label = document.createElement("span");
      label.className = className;
      // The speaker comes first, then the tags, then the words.
      var who = quote.querySelector(":scope > .who");
      var before = className === "who" ? quote.firstChild : who ? who.nextSibling : quote.firstChild;
      quote.insertBefore(label, before);
    }
    label.setAttribute("data-label", text); // shown by CSS, so copying skips it
  }

  document.addEventListener("quote-changed", function (event) {
    var detail = event.detail || {};
    var selector = '[data-quote="' + detail.id + '"]';
    // (a headline quote is marked in the article's heading, outside its body)
    var spans = document.querySelectorAll(
      ".columns " + selector + ", .article-header " + selector + ", .article-body " + selector
    );
    spans.forEach(function (span, index) {
      span.classList.toggle("is-rejected", detail.status === "rejected");
      if (index === 0) {
        setLabel(span, "who", detail.who);
        setLabel(span, "quote-tags", (detail.tags || []).join(", "));
      }
    });
  });

  // ----------------------------------------------------------------- adding a missed quote

  function articleBody() {
    return document.getElementById("article-body");
  }

  // The paragraph (a direct child of the body: one per stored paragraph, in order).
  function paragraphOf(node) {
    var body = articleBody();
    var element = node.nodeType === 1 ? node : node.parentElement;
    while (element && element.parentElement !== body) {
      element = element.parentElement;
    }
    return element;
  }

  // Labels the page adds inside quotes (speaker, tags) are not the article's words.
  function withoutLabels(fragment) {
    fragment.querySelectorAll(".who, .quote-tags").forEach(function (label) {
      label.remove();
    });
    return fragment;
  }

  function offsetIn(paragraph, node, offset) {
    var range = document.createRange();
    range.setStart(paragraph, 0);
    range.setEnd(node, offset);
    return withoutLabels(range.cloneContents()).textContent.length;
  }

  function selectedText(range, first, last) {
    if (first === last) {
      return withoutLabels(range.cloneContents()).textContent;
    }
    // One line per paragraph, as quotes running over paragraphs are stored.
    var blocks = withoutLabels(range.cloneContents()).children;
    return Array.prototype.map
      .call(blocks, function (block) {
        return block.textContent.trim();
      })
      .filter(Boolean)
      .join("\n");
  }

  function clearOffsets(form) {
    ["end_paragraph", "start_offset", "end_offset"].forEach(function (name) {
      form.elements[name].value = "";
    });
  }

  function fillFromSelection() {
    var form = document.getElementById("add-quote-form");
    var body = articleBody();
    var selection = window.getSelection();
    if (!form || !body || !selection || selection.isCollapsed || !selection.rangeCount) {
      return;
    }
    var range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) {
      return;
    }
    var first = paragraphOf(range.startContainer);
    var last = paragraphOf(range.endContainer);
    var blocks = Array.prototype.slice.call(body.children);
    form.elements.paragraph.value = String(blocks.indexOf(first));
    form.elements.end_paragraph.value = String(blocks.indexOf(last));
    form.elements.start_offset.value = String(
      offsetIn(first, range.startContainer, range.startOffset)
    );
    form.elements.end_offset.value = String(offsetIn(last, range.endContainer, range.endOffset));
    form.elements.text.value = selectedText(range, first, last);
    form.classList.add("has-selection");
  }

  document.addEventListener("mouseup", fillFromSelection);
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey) {
      fillFromSelection();
    }
  });
  // Typed or re-chosen by hand: the words are looked for in the paragraph instead.
  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.id === "add-quote-form" && event.target.name !== "speaker") {
      clearOffsets(form);
    }
  });
  document.addEventListener("quote-added", function () {
    var form = document.getElementById("add-quote-form");
    if (form) {
      form.reset();
      clearOffsets(form);
      form.classList.remove("has-selection");
    }
  });
})();
