// eightk pages: clicking an extracted value highlights and scrolls to the words it was read from;
// clicking highlighted words shows which values they support. No dependencies, no network.
(function () {
  "use strict";

  function sel(id) {
    return (window.CSS && CSS.escape) ? CSS.escape(id) : id.replace(/[^A-Za-z0-9_-]/g, "");
  }

  function activate(id, scroll) {
    document.querySelectorAll(".active").forEach(function (e) { e.classList.remove("active"); });
    var marks = document.querySelectorAll('mark.ev[data-ev~="' + sel(id) + '"]');
    marks.forEach(function (m) { m.classList.add("active"); });
    var fields = document.querySelectorAll('a.field[data-ev="' + sel(id) + '"]');
    fields.forEach(function (f) { f.classList.add("active"); });
    if (scroll && marks.length) {
      marks[0].scrollIntoView({ block: "center" });
    }
    if (fields.length) {
      fields[0].scrollIntoView({ block: "nearest" });
    }
    return marks.length;
  }

  function fromHash() {
    var h = decodeURIComponent(window.location.hash || "");
    if (h.indexOf("#ev-") === 0) {
      activate(h.slice(4), true);
    }
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var f = t.closest("a.field[data-ev]");
    if (f) {
      e.preventDefault();
      activate(f.getAttribute("data-ev"), true);
      history.replaceState(null, "", "#ev-" + f.getAttribute("data-ev"));
      return;
    }
    var m = t.closest("mark.ev[data-ev]");
    if (m) {
      var ids = m.getAttribute("data-ev").split(" ");
      activate(ids[ids.length - 1], false);
    }
  });

  window.addEventListener("hashchange", fromHash);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fromHash);
  } else {
    fromHash();
  }
})();
