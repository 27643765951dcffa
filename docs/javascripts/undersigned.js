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
  // a search box in the header on every page; it opens the search page with ?q=
  function setupHeaderSearch() {
    var inner = document.querySelector(".md-header__inner");
    var config = document.getElementById("__config");
    if (!inner || !config || inner.querySelector(".us-header-search")) return;
    var base = JSON.parse(config.textContent).base || ".";
    var form = document.createElement("form");
    form.className = "us-header-search";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Search the archive");
    form.action = base.replace(/\/$/, "") + "/search/";
    form.method = "get";
    var label = document.createElement("label");
    label.className = "us-sr-only";
    label.htmlFor = "us-header-q";
    label.textContent = "Search the archive";
    var input = document.createElement("input");
    input.type = "search";
    input.name = "q";
    input.id = "us-header-q";
    input.placeholder = "Search";
    input.autocomplete = "off";
    form.appendChild(label);
    form.appendChild(input);
    var before = inner.querySelector("form.md-header__option, .md-header__option");
    inner.insertBefore(form, before || null);
  }
  // a table wider than the screen scrolls sideways: its wrapper is focusable, so a keyboard
  // can scroll it too, and named after the table's caption (WCAG 2.1.1)
  function tableName(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) return caption.textContent.trim();
    for (var el = wrap.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.replace(/¶$/, "").trim();
    }
    return "Table";
  }
  function focusableScrollers() {
    var used = {};
    document.querySelectorAll(".md-typeset__scrollwrap[role=region]").forEach(function (w) {
      used[w.getAttribute("aria-label")] = true;
    });
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      if (wide && !wrap.hasAttribute("tabindex")) {
        var name = tableName(wrap) + " (table, scrolls sideways)";
        for (var n = 2; used[name]; n++) name = tableName(wrap) + " (table " + n + ", scrolls sideways)";
        used[name] = true;
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", name);
      } else if (!wide && wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  function setup() {
    setupHeaderSearch();
    focusableScrollers();
    window.requestAnimationFrame(focusableScrollers);
    setupFilters();
    labelCodeNavs();
    var cite = document.querySelector(".us-cite");
    if (cite && window.MutationObserver) {
      new MutationObserver(labelCodeNavs).observe(cite, { childList: true, subtree: true });
    }
  }
  window.addEventListener("resize", focusableScrollers);
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
