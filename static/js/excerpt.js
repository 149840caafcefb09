// Selecting a passage of an article's text (.pick-text) fills the evidence form's
// excerpt and its offsets. Offsets count Unicode code points, as Python's do, so
// that the server finds source.text[start:end] == excerpt. Typing the excerpt by
// hand clears them: the server then finds the typed words in the text itself.
(function () {
  "use strict";

  function codePoints(text) {
    return Array.from(text).length;
  }

  function textBefore(box, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(box);
    range.setEnd(node, offset);
    return range.toString();
  }

  function field(id) {
    return id ? document.getElementById(id) : null;
  }

  function takeSelection() {
    var selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    var node = range.commonAncestorContainer;
    var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    var box = element && element.closest(".pick-text");
    if (!box) return;
    var selected = range.toString();
    var lead = selected.length - selected.replace(/^\s+/, "").length;
    var quote = selected.trim();
    if (!quote) return;
    var start = codePoints(textBefore(box, range.startContainer, range.startOffset));
    start += codePoints(selected.slice(0, lead));
    var excerpt = field(box.dataset.excerptField);
    var startField = field(box.dataset.startField);
    var endField = field(box.dataset.endField);
    if (!excerpt || !startField || !endField) return;
    excerpt.value = quote;
    startField.value = String(start);
    endField.value = String(start + codePoints(quote));
    excerpt.classList.add("from-selection");
  }

  document.addEventListener("mouseup", takeSelection);
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey) takeSelection();
  });
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (!(target instanceof HTMLTextAreaElement) || !target.form) return;
    var box = document.querySelector('.pick-text[data-excerpt-field="' + target.id + '"]');
    if (!box) return;
    var startField = field(box.dataset.startField);
    var endField = field(box.dataset.endField);
    if (startField) startField.value = "";
    if (endField) endField.value = "";
    target.classList.remove("from-selection");
  });
})();
