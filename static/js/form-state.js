// Back and Forward between a list's pages show htmx's copy of the page, taken from its
// HTML when the list moved on. A form's HTML holds what the server first filled in, not
// what the person has chosen since: without this the copy came back with the list of one
// filter under a form showing another. So, just before the copy is taken, what each
// field holds is written into its HTML.
(() => {
  "use strict";

  function writeDown(root) {
    root.querySelectorAll("input, textarea, select").forEach((field) => {
      if (field instanceof HTMLSelectElement) {
        for (const option of field.options) option.toggleAttribute("selected", option.selected);
      } else if (field instanceof HTMLTextAreaElement) {
        field.textContent = field.value;
      } else if (field.type === "checkbox" || field.type === "radio") {
        field.toggleAttribute("checked", field.checked);
      } else if (field.type !== "file" && field.type !== "password") {
        field.setAttribute("value", field.value);
      }
    });
  }

  document.addEventListener("htmx:beforeHistorySave", (event) => {
    writeDown(event.detail.historyElt);
  });
})();
