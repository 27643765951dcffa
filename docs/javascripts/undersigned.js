/* Undersigned: progressive enhancements. The site works without them. */
(function () {
  "use strict";
  // A-Z index filter: All / Members of Congress / other people / organizations
  function setupFilters() {
    document.querySelectorAll(".us-filter").forEach(function (bar) {
      bar.hidden = false;
      var list = bar.parentElement;
      bar.addEventListener("click", function (ev) {
        var button = ev.target.closest("button[data-filter]");
        if (!button) return;
        var want = button.getAttribute("data-filter");
        bar.querySelectorAll("button").forEach(function (b) {
          b.setAttribute("aria-pressed", String(b === button));
        });
        list.querySelectorAll("a[data-kind]").forEach(function (a) {
          var li = a.closest("li");
          if (li) li.hidden = !(want === "all" || a.getAttribute("data-kind") === want);
        });
      });
    });
  }
  // Material adds a <nav> of buttons to each code block; name each one (unique landmarks)
  function labelCodeNavs() {
    document.querySelectorAll(".highlight").forEach(function (block) {
      var nav = block.querySelector(".md-code__nav");
      var name = block.querySelector(".filename");
      if (nav && !nav.hasAttribute("aria-label")) {
        nav.setAttribute("aria-label", (name ? name.textContent : "Code") + " actions");
      }
    });
  }
  function setup() {
    setupFilters();
    labelCodeNavs();
    var cite = document.querySelector(".us-cite");
    if (cite && window.MutationObserver) {
      new MutationObserver(labelCodeNavs).observe(cite, { childList: true, subtree: true });
    }
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
