// A part of the page shows the answer to the last question asked of it. Two elements may
// ask the same part at once (a list's filter form, still answering, and a sort header or
// pager clicked meanwhile): htmx sends both, and they may come back in either order. An
// answer that arrives after a later request to the same part was sent is stale, and it
// is dropped, address included (htmx pushes the address only when it swaps). Aborting
// the older request instead would have htmx report every abort as an error.
// Only GETs: an answer to a POST may say something about work done that must be shown.
(() => {
  "use strict";
  const newest = new WeakMap(); // target element -> number of the newest GET sent to it
  const numbers = new WeakMap(); // XMLHttpRequest -> its number
  let sent = 0;

  document.addEventListener("htmx:beforeSend", (event) => {
    const { target, xhr, requestConfig } = event.detail;
    if (!target || requestConfig?.verb !== "get") return;
    sent += 1;
    newest.set(target, sent);
    numbers.set(xhr, sent);
  });

  document.addEventListener("htmx:beforeSwap", (event) => {
    const { target, xhr } = event.detail;
    const number = numbers.get(xhr);
    if (number !== undefined && number < newest.get(target)) event.preventDefault();
  });
})();
