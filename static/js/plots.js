// A plot's mark (.plot .mark) hovered or focused shows its claim and quote under the
// picture, in the figure's live region. The marks carry the same text in their SVG
// <title> and <desc>, so nothing is lost without this script.
(function () {
  "use strict";

  function show(mark) {
    var figure = mark.closest(".plot");
    var out = figure && figure.querySelector(".plot-quote");
    if (!out) return;
    var title = mark.querySelector("title");
    // A dispute's marks carry their quote once, in <desc> (hundreds of marks); the
    // history's in data-quote too.
    var quote = mark.getAttribute("data-quote");
    if (quote === null) {
      var desc = mark.querySelector("desc");
      quote = desc ? desc.textContent : "";
    }
    out.textContent = "";
    var strong = document.createElement("strong");
    strong.textContent = title ? title.textContent : "";
    out.appendChild(strong);
    if (quote) {
      var q = document.createElement("q");
      q.textContent = quote;
      out.appendChild(document.createTextNode(" "));
      out.appendChild(q);
    }
    var marks = figure.querySelectorAll(".mark.is-shown");
    for (var i = 0; i < marks.length; i++) marks[i].classList.remove("is-shown");
    mark.classList.add("is-shown");
  }

  function onEvent(event) {
    var target = event.target;
    var mark = target && target.closest ? target.closest(".plot .mark") : null;
    if (mark) show(mark);
  }

  document.addEventListener("focusin", onEvent);
  document.addEventListener("mouseover", onEvent);
})();
