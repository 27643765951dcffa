/* Undersigned search page: Pagefind full-text search with facets. The query and the filters
   live in the page URL (?q=...&topic=...&year=...), so a filtered view can be bookmarked, shared
   and cited; reloading restores the same results. */
(function () {
  "use strict";
  var root = document.getElementById("us-search");
  if (!root) return;
  var FACETS = [
    ["type", "Type"], ["year", "Year"], ["topic", "Topic"],
    ["signatory", "Signatory"], ["recipient", "Recipient"]
  ];
  var LISTED = { signatory: true, recipient: true }; // many values: text input + suggestions
  var bundle = new URL(root.getAttribute("data-bundle"), window.location.href);
  var siteRoot = new URL("..", bundle).pathname;
  var pagefind = null;
  var timer = null;
  var seq = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var form = el("form", { role: "search", "aria-label": "Search the documents" });
  var label = el("label", { for: "us-q" }, "Search the full text of every document");
  var input = el("input", { id: "us-q", type: "search", name: "q", autocomplete: "off",
    placeholder: "e.g. Roybal, asylum, Honduras" });
  form.appendChild(label);
  form.appendChild(input);
  var facets = el("div", { class: "us-facets" });
  form.appendChild(facets);
  var clear = el("button", { type: "button", id: "us-clear" }, "Clear filters");
  form.appendChild(clear);
  var status = el("p", { id: "us-status", role: "status", "aria-live": "polite" });
  var results = el("ol", { id: "us-results", class: "us-results" });
  root.appendChild(form);
  root.appendChild(status);
  root.appendChild(results);
  var controls = {};

  function state() {
    var s = { q: input.value.trim(), filters: {} };
    FACETS.forEach(function (f) {
      var v = controls[f[0]] ? controls[f[0]].value.trim() : "";
      if (v) s.filters[f[0]] = v;
    });
    return s;
  }

  function writeUrl(s) {
    var params = new URLSearchParams();
    if (s.q) params.set("q", s.q);
    Object.keys(s.filters).forEach(function (k) { params.set(k, s.filters[k]); });
    var qs = params.toString();
    history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    FACETS.forEach(function (f) {
      if (controls[f[0]] && params.get(f[0])) controls[f[0]].value = params.get(f[0]);
    });
  }

  function loadNames(list, key) {
    // suggestions for signatory/recipient come from a separate file, fetched on first use
    if (list.getAttribute("data-loaded")) return;
    list.setAttribute("data-loaded", "1");
    fetch(new URL("../search/names.json", bundle)).then(function (r) { return r.json(); })
      .then(function (names) {
        (names[key] || []).forEach(function (v) { list.appendChild(el("option", { value: v })); });
      }).catch(function () {});
  }

  function buildFacets(available) {
    FACETS.forEach(function (f) {
      var key = f[0];
      var values = Object.keys(available[key] || {}).sort();
      if (key === "year") values.reverse();
      var wrap = el("label", { for: "us-f-" + key }, f[1]);
      var control;
      if (LISTED[key]) {
        control = el("input", { id: "us-f-" + key, type: "text", list: "us-l-" + key,
          autocomplete: "off", placeholder: "any" });
        var list = el("datalist", { id: "us-l-" + key });
        control.addEventListener("focus", loadNames.bind(null, list, key));
        wrap.appendChild(control);
        wrap.appendChild(list);
      } else {
        control = el("select", { id: "us-f-" + key });
        control.appendChild(el("option", { value: "" }, "any"));
        values.forEach(function (v) {
          control.appendChild(el("option", { value: v }, v + " (" + available[key][v] + ")"));
        });
        wrap.appendChild(control);
      }
      controls[key] = control;
      control.addEventListener("change", run);
      facets.appendChild(wrap);
    });
  }

  // results are shown a page at a time: each one shown costs a fragment download
  var PAGE = parseInt(root.getAttribute("data-page-size"), 10) || 10;
  var more = el("button", { type: "button", id: "us-more", hidden: "" }, "Show more results");
  root.appendChild(more);
  var current = null;

  function summary(s, n) {
    return (s.q || Object.keys(s.filters).length)
      ? n + (n === 1 ? " document" : " documents") + " found"
      : "Type a word or choose a filter.";
  }

  function show(data) {
    data.forEach(function (d) {
      var li = el("li", { class: "us-result" });
      var a = el("a", { href: d.url }, d.meta && d.meta.title ? d.meta.title : d.url);
      var h = el("h3");
      h.appendChild(a);
      li.appendChild(h);
      if (d.meta && d.meta.date) li.appendChild(el("p", { class: "us-type" }, d.meta.date));
      var p = el("p");
      // Pagefind escapes the page text and adds only <mark> around matches
      p.innerHTML = d.excerpt || "";
      p.querySelectorAll("*:not(mark)").forEach(function (x) { x.replaceWith(x.textContent); });
      li.appendChild(p);
      results.appendChild(li);
    });
  }

  function loadPage(mine) {
    var found = current.found;
    var next = found.results.slice(current.shown, current.shown + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      if (mine !== seq) return;
      show(data);
      current.shown += next.length;
      var left = found.results.length - current.shown;
      more.hidden = left <= 0;
      more.textContent = "Show " + Math.min(left, PAGE) + " more of " + left;
      status.textContent = summary(current.s, found.results.length) +
        (left > 0 ? ", showing " + current.shown : "");
    });
  }

  function run() {
    if (!pagefind) return;
    var s = state();
    writeUrl(s);
    var mine = ++seq;
    var filters = {};
    Object.keys(s.filters).forEach(function (k) { filters[k] = s.filters[k]; });
    if (!s.q && !Object.keys(filters).length) {
      results.textContent = "";
      more.hidden = true;
      status.textContent = summary(s, 0);
      return;
    }
    var searched;
    if (s.q) {
      searched = pagefind.search(s.q, { filters: filters });
    } else {
      // newest first: Pagefind orders each shard by date but merges shards by score, so a
      // filter-only view asks the shards one at a time (each record carries its shard as a
      // filter) and joins them newest shard first (shards hold consecutive documents by date)
      searched = Promise.all(shardIds.slice().reverse().map(function (id) {
        var f = Object.assign({}, filters, { shard: id });
        return pagefind.search(null, { filters: f, sort: { date: "desc" } });
      })).then(function (parts) {
        return { results: [].concat.apply([], parts.map(function (p) { return p.results; })) };
      });
    }
    searched.then(function (found) {
      if (mine !== seq) return;
      results.textContent = "";
      current = { s: s, found: found, shown: 0 };
      return loadPage(mine);
    });
  }

  more.addEventListener("click", function () {
    if (!current) return;
    var before = current.shown;
    loadPage(seq).then(function () {
      var first = results.querySelectorAll("li")[before];
      if (first) first.querySelector("a").focus();  // keyboard users continue where they were
    });
  });

  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
  clear.addEventListener("click", function () {
    Object.keys(controls).forEach(function (k) { controls[k].value = ""; });
    run();
  });

  // facet values and counts come from a small file written at build time, so the first query
  // does not have to download every filter of the index
  var facetsReady = fetch(new URL("../search/facets.json", bundle))
    .then(function (r) { return r.json(); });
  // the index is written in shards (a bounded amount of indexer memory each): the primary
  // bundle loads the search code, the others are merged into it and queried together
  var available = null;
  var shardIds = ["s1"];
  import(new URL("pagefind.js", bundle).href).then(function (mod) {
    pagefind = mod;
    return Promise.all([pagefind.options({ baseUrl: siteRoot }), facetsReady]);
  }).then(function (loaded) {
    available = loaded[1];
    shardIds = ["s1"].concat((available.shards || []).map(function (d) { return d.replace("/", ""); }));
    return Promise.all((available.shards || []).map(function (dir) {
      return pagefind.mergeIndex(new URL(dir, bundle).href, { baseUrl: siteRoot });
    }));
  }).then(function () {
    buildFacets(available);
    readUrl();
    run();
    root.setAttribute("data-ready", "true");
  }).catch(function (err) {
    status.textContent = "Search is not available here (it needs the site to be served over HTTP).";
    root.setAttribute("data-ready", "error");
    if (window.console) console.info(err);
  });
})();
