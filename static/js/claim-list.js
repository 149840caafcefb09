// The claims list: "/" puts the cursor in the search box from anywhere on the page, and
// the filters that fold away on a phone stay unfolded on a wider screen.
(() => {
  "use strict";
  const WIDE = window.matchMedia("(min-width: 40.01rem)");

  function unfoldOnWideScreens() {
    const filters = document.getElementById("more-filters");
    if (filters && WIDE.matches) filters.open = true;
  }

  function typingSomewhere(target) {
    return target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typingSomewhere(event.target)) return;
    const search = document.getElementById("id_q");
    if (!search) return;
    event.preventDefault();
    search.focus();
    search.select();
  });

  unfoldOnWideScreens();
  WIDE.addEventListener("change", unfoldOnWideScreens);
})();
