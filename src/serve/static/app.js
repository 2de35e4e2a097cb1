// congvan: small keyboard helpers; the pages work without this file.
"use strict";
document.addEventListener("keydown", function (e) {
  // "/" focuses the search box (unless typing somewhere already).
  var t = e.target && e.target.tagName;
  if (e.key === "/" && t !== "INPUT" && t !== "TEXTAREA") {
    var q = document.getElementById("q");
    if (q) { e.preventDefault(); q.focus(); q.select(); }
  }
});
