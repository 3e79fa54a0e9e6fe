(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var rows = Array.prototype.slice.call(document.querySelector("#t tbody").rows);
  var order = rows.slice(); // as written: path, line, column
  var ctl = { rule: $("f-rule"), sev: $("f-sev"), treaty: $("f-treaty"), path: $("f-path") };
  var st = { rule: "", sev: "", treaty: "", path: "", sort: "", dir: "asc" };
  var rank = { error: 0, warning: 1, info: 2 };

  // loc splits "path:line:col" into [path, line, col].
  function loc(r) {
    var t = r.cells[0].textContent, j = t.lastIndexOf(":"), i = t.lastIndexOf(":", j - 1);
    return [t.slice(0, i), +t.slice(i + 1, j), +t.slice(j + 1)];
  }
  function key(r) {
    var d = r.dataset;
    switch (st.sort) {
      case "loc": return loc(r);
      case "sev": return [rank[d.s]].concat(loc(r));
      case "rule": return [d.r].concat(loc(r));
      case "treaty": return [d.t].concat(loc(r));
      default: return [r.cells[4].firstChild.textContent].concat(loc(r));
    }
  }
  function cmp(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] < b[i]) return -1;
      if (a[i] > b[i]) return 1;
    }
    return 0;
  }
  function match(r) {
    var d = r.dataset, t = st.treaty === "-" ? "" : st.treaty;
    return (!st.rule || d.r === st.rule) && (!st.sev || d.s === st.sev) &&
      (!st.treaty || d.t === t) && (!st.path || loc(r)[0].indexOf(st.path) >= 0);
  }
  var sorted = "";
  // reorder moves the rows into the sort's order; rows are only moved when
  // the order changes (moving 10,000 rows costs a second).
  function reorder() {
    var now = st.sort && st.sort + " " + st.dir;
    if (now === sorted) return;
    sorted = now;
    var list = order;
    if (st.sort) {
      var keyed = order.map(function (r, i) { return [key(r), i, r]; });
      keyed.sort(function (a, b) { return cmp(a[0], b[0]) || a[1] - b[1]; });
      if (st.dir === "desc") keyed.reverse();
      list = keyed.map(function (k) { return k[2]; });
    }
    var body = document.querySelector("#t tbody");
    list.forEach(function (r) { body.appendChild(r); });
  }
  function render() {
    reorder();
    var n = 0;
    rows.forEach(function (r) {
      var ok = match(r);
      if (r.hidden === ok) r.hidden = !ok;
      if (ok) n++;
    });
    document.querySelectorAll("#t th").forEach(function (th) {
      th.setAttribute("aria-sort", th.dataset.k === st.sort ? (st.dir === "desc" ? "descending" : "ascending") : "none");
    });
    var c = $("count");
    var word = rows.length === 1 ? " finding" : " findings";
    c.textContent = n === rows.length ? rows.length + word : n + " of " + rows.length + word + " shown";
    c.dataset.shown = n;
    $("none").hidden = n > 0 || rows.length === 0;
    var h = Object.keys(st).filter(function (k) { return st[k] && !(k === "dir" && st[k] === "asc"); })
      .map(function (k) { return k + "=" + encodeURIComponent(st[k]); }).join("&");
    if (location.hash.slice(1) !== h) history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
    document.body.dataset.ready = "1";
  }
  function fromHash() {
    Object.keys(st).forEach(function (k) { st[k] = k === "dir" ? "asc" : ""; });
    location.hash.slice(1).split("&").forEach(function (kv) {
      var i = kv.indexOf("="), k = kv.slice(0, i);
      if (i > 0 && k in st) st[k] = decodeURIComponent(kv.slice(i + 1));
    });
    Object.keys(ctl).forEach(function (k) { ctl[k].value = st[k]; });
    render();
  }
  Object.keys(ctl).forEach(function (k) {
    ctl[k].addEventListener("input", function () { st[k] = ctl[k].value; render(); });
  });
  $("f-clear").addEventListener("click", function () { location.hash = ""; fromHash(); });
  document.querySelectorAll("#t th").forEach(function (th) {
    th.addEventListener("click", function () {
      st.dir = st.sort === th.dataset.k && st.dir === "asc" ? "desc" : "asc";
      st.sort = th.dataset.k;
      render();
    });
  });
  document.querySelectorAll("[data-f]").forEach(function (b) {
    b.addEventListener("click", function () {
      var f = b.dataset.f, i = f.indexOf(":");
      st[f.slice(0, i)] = f.slice(i + 1);
      Object.keys(ctl).forEach(function (k) { ctl[k].value = st[k]; });
      render();
      $("findings").scrollIntoView();
    });
  });
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
