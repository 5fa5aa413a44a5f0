// berita-extract review pages: one small script, inlined in every page. It reads only the page.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var tip = document.getElementById("tip");

  // legend: a kind's button hides or shows its marks; the removed parts fold
  document.querySelectorAll("button[data-toggle]").forEach(function (b) {
    b.addEventListener("click", function () {
      var on = b.getAttribute("aria-pressed") === "true";
      b.setAttribute("aria-pressed", on ? "false" : "true");
      text.classList.toggle("hide-" + b.getAttribute("data-toggle"), on);
    });
  });
  document.querySelectorAll("button[data-fold]").forEach(function (b) {
    b.addEventListener("click", function () {
      var on = b.getAttribute("aria-pressed") === "true";
      b.setAttribute("aria-pressed", on ? "false" : "true");
      text.classList.toggle("fold-removed", !on);
    });
  });

  // hover or focus: the value of the mark and of the marks around it
  function hideTip() { if (tip) tip.hidden = true; }
  function showTip(el) {
    var lines = [];
    for (var e = el; e && e !== text; e = e.parentElement) {
      var v = e.getAttribute("data-v");
      if (v && !text.classList.contains("hide-" + e.getAttribute("data-k"))) lines.push(v);
    }
    if (!lines.length) { hideTip(); return; }
    tip.textContent = lines.join("\n");
    tip.hidden = false;
    var r = el.getBoundingClientRect(), t = tip.getBoundingClientRect();
    var top = r.bottom + 6;
    if (top + t.height > window.innerHeight) top = Math.max(4, r.top - t.height - 6);
    tip.style.top = top + "px";
    tip.style.left = Math.max(4, Math.min(r.left, window.innerWidth - t.width - 4)) + "px";
  }
  if (text && tip) {
    text.addEventListener("mouseover", function (ev) {
      var el = ev.target.closest && ev.target.closest("[data-v]");
      if (el) showTip(el); else hideTip();
    });
    text.addEventListener("mouseleave", hideTip);
    text.addEventListener("focusin", function (ev) {
      var el = ev.target.closest("[data-v]");
      if (el) showTip(el);
    });
    text.addEventListener("focusout", hideTip);
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hideTip(); });
    window.addEventListener("scroll", hideTip, { passive: true });
  }

  // a fact (or a check): mark its number and its sentence, scroll there
  function select(ids, row) {
    document.querySelectorAll(".sel").forEach(function (x) { x.classList.remove("sel"); });
    document.querySelectorAll("tr.current").forEach(function (x) { x.classList.remove("current"); });
    var first = null;
    ids.forEach(function (id) {
      text.querySelectorAll('[data-i="' + id + '"]').forEach(function (el) {
        el.classList.add("sel");
        if (!first && el.getAttribute("data-k") === "quantity") first = el;
      });
    });
    if (row) row.classList.add("current");
    if (first) {
      first.scrollIntoView({ block: "center" });
      if (first.hasAttribute("tabindex")) first.focus({ preventScroll: true });
    }
  }
  document.querySelectorAll("button[data-mark]").forEach(function (b) {
    b.addEventListener("click", function () {
      select(b.getAttribute("data-mark").split(" "), b.closest("tr"));
    });
  });

  // the index: sort by a column; failed checks first on request
  var table = document.getElementById("index");
  if (!table) return;
  var body = table.tBodies[0], ff = document.getElementById("failed-first");
  var state = { col: -1, dir: 1 };
  function key(tr, col) { return tr.cells[col].getAttribute("data-v") || ""; }
  function order() {
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = state.col >= 0 && table.tHead.rows[0].cells[state.col].querySelector("button")
      .getAttribute("data-type") === "num";
    rows.sort(function (a, b) {
      if (ff && ff.checked) {
        var fa = +a.getAttribute("data-failed") > 0, fb = +b.getAttribute("data-failed") > 0;
        if (fa !== fb) return fa ? -1 : 1;
      }
      if (state.col < 0) return 0;
      var x = key(a, state.col), y = key(b, state.col);
      var c = numeric ? (+x) - (+y) : x.localeCompare(y, "id");
      return c * state.dir;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  table.querySelectorAll("th button[data-sort]").forEach(function (b) {
    b.addEventListener("click", function () {
      var col = +b.getAttribute("data-sort");
      state.dir = state.col === col ? -state.dir : 1;
      state.col = col;
      table.querySelectorAll("th").forEach(function (th) { th.setAttribute("aria-sort", "none"); });
      b.parentElement.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      order();
    });
  });
  if (ff) ff.addEventListener("change", order);
})();
