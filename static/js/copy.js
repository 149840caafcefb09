// "Copy" buttons: <button data-copy="ID" data-copied="Copied."> copies the text of the
// element ID (a read-only textarea) to the clipboard. The buttons are hidden in the
// HTML and shown here, so that without JavaScript no button does nothing: the text is
// there to select and copy by hand.
(function () {
  "use strict";

  function show(root) {
    root.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function copied(button, message) {
    var status = button.parentElement.querySelector(".copy-status");
    if (status) {
      status.textContent = message;
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    if (!button) {
      return;
    }
    var source = document.getElementById(button.dataset.copy);
    if (!source) {
      return;
    }
    var text = source.value !== undefined ? source.value : source.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { copied(button, button.dataset.copied); },
        function () { source.select(); }
      );
    } else {
      // Plain http on a newsroom's intranet: no clipboard API, select it for Ctrl+C.
      source.focus();
      source.select();
    }
  });

  document.addEventListener("DOMContentLoaded", function () { show(document); });
  // The verdict section comes back through htmx after some actions.
  document.addEventListener("htmx:afterSwap", function (event) { show(event.target); });
})();
