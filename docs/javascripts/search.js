/* Undersigned search page: Pagefind full-text search with facets. The query and the filters
   live in the page URL (?q=...&topic=...&year=...&signatory=A&signatory=B&mode=any), so a
   filtered view can be bookmarked, shared and cited; reloading restores the same results.
   Several signatories are combined with AND (documents all of them signed, the default) or OR
   (mode=any). The current result set downloads as CSV or JSON with the columns of
   data/letters.csv. */
(function () {
  "use strict";
  var root = document.getElementById("us-search");
  if (!root) return;
  var FACETS = [
    ["type", "Type"], ["year", "Year"], ["month", "Month"], ["topic", "Topic"],
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

  var signers = [];  // the signatory inputs (one, plus any added)
  var modeSelect = null;

  function state() {
    var s = { q: input.value.trim(), filters: {}, signatories: [], mode: "all" };
    FACETS.forEach(function (f) {
      if (f[0] === "signatory") return;
      var v = controls[f[0]] ? controls[f[0]].value.trim() : "";
      if (v) s.filters[f[0]] = v;
    });
    signers.forEach(function (c) { if (c.value.trim()) s.signatories.push(c.value.trim()); });
    if (modeSelect && modeSelect.value === "any") s.mode = "any";
    return s;
  }

  function active(s) {
    return s.q || Object.keys(s.filters).length || s.signatories.length;
  }

  function pagefindFilters(s) {
    var filters = {};
    Object.keys(s.filters).forEach(function (k) { filters[k] = s.filters[k]; });
    if (s.signatories.length === 1) filters.signatory = s.signatories[0];
    else if (s.signatories.length > 1) {
      filters.signatory = s.mode === "any" ? { any: s.signatories } : { all: s.signatories };
    }
    return filters;
  }

  function writeUrl(s) {
    var params = new URLSearchParams();
    if (s.q) params.set("q", s.q);
    Object.keys(s.filters).forEach(function (k) { params.set(k, s.filters[k]); });
    s.signatories.forEach(function (v) { params.append("signatory", v); });
    if (s.signatories.length > 1 && s.mode === "any") params.set("mode", "any");
    var qs = params.toString();
    history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    FACETS.forEach(function (f) {
      if (f[0] !== "signatory" && controls[f[0]] && params.get(f[0])) {
        controls[f[0]].value = params.get(f[0]);
      }
    });
    var wanted = params.getAll("signatory");
    while (signers.length < wanted.length) addSigner();
    wanted.forEach(function (v, i) { signers[i].value = v; });
    if (modeSelect) modeSelect.value = params.get("mode") === "any" ? "any" : "all";
    syncMode();
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

  var signerBox = null;
  var signerList = null;

  function syncMode() {
    if (modeSelect) modeSelect.parentNode.hidden = signers.length < 2;
  }

  function addSigner() {
    var n = signers.length + 1;
    var wrap = el("label", { for: "us-f-signatory" + (n > 1 ? "-" + n : "") },
      n > 1 ? "and signatory " + n : "Signatory");
    var control = el("input", { id: "us-f-signatory" + (n > 1 ? "-" + n : ""), type: "text",
      list: "us-l-signatory", autocomplete: "off", placeholder: "any",
      "data-signatory": String(n) });
    control.addEventListener("focus", loadNames.bind(null, signerList, "signatory"));
    control.addEventListener("change", run);
    wrap.appendChild(control);
    signerBox.insertBefore(wrap, signerBox.querySelector(".us-signer-tools"));
    signers.push(control);
    syncMode();
    return control;
  }

  function buildSigners() {
    signerBox = el("fieldset", { class: "us-signers" });
    signerBox.appendChild(el("legend", {}, "Signed by"));
    signerList = el("datalist", { id: "us-l-signatory" });
    signerBox.appendChild(signerList);
    var tools = el("div", { class: "us-signer-tools" });
    var add = el("button", { type: "button", id: "us-add-signatory" }, "Add another signatory");
    add.addEventListener("click", function () { addSigner().focus(); });
    var modeWrap = el("label", { for: "us-mode" }, "Match");
    modeSelect = el("select", { id: "us-mode" });
    modeSelect.appendChild(el("option", { value: "all" }, "documents all of them signed (AND)"));
    modeSelect.appendChild(el("option", { value: "any" }, "documents any of them signed (OR)"));
    modeSelect.addEventListener("change", run);
    modeWrap.appendChild(modeSelect);
    tools.appendChild(add);
    tools.appendChild(modeWrap);
    signerBox.appendChild(tools);
    facets.appendChild(signerBox);
    addSigner();
    controls.signatory = signers[0];
  }

  function buildFacets(available) {
    FACETS.forEach(function (f) {
      var key = f[0];
      if (key === "signatory") { buildSigners(); return; }
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
    return active(s)
      ? n + (n === 1 ? " document" : " documents") + " found"
      : "Type a word or choose a filter.";
  }

  function show(data) {
    data.forEach(function (d) {
      var li = el("li", { class: "us-result" });
      var a = el("a", { href: d.url }, d.meta && d.meta.title ? d.meta.title : d.url);
      var h = el("h2", { class: "us-result-title" });
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
    var filters = pagefindFilters(s);
    if (!active(s)) {
      results.textContent = "";
      more.hidden = true;
      downloads.hidden = true;
      current = null;
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
      downloads.hidden = !found.results.length;
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
    signers.forEach(function (c) { c.value = ""; });
    run();
  });

  // ---- downloads of the current result set, with the columns of data/letters.csv ----------
  var downloads = el("p", { class: "us-downloads", hidden: "" });
  var csvButton = el("button", { type: "button", id: "us-download-csv" }, "Download these results (CSV)");
  var jsonButton = el("button", { type: "button", id: "us-download-json" }, "Download these results (JSON)");
  downloads.appendChild(csvButton);
  downloads.appendChild(document.createTextNode(" "));
  downloads.appendChild(jsonButton);
  root.insertBefore(downloads, results);
  var table = null;  // data/letters.csv, parsed once: { header, fields, raw } by slug

  function parseCsv(text) {
    // RFC 4180 as Python's csv module writes it; every record keeps its raw text, so the
    // rows of a download are byte-identical to those of data/letters.csv
    var records = [], fields = [], field = "", i = 0, start = 0, quoted = false;
    while (i < text.length) {
      var c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
        if (c === '"') { quoted = false; i++; continue; }
        field += c; i++; continue;
      }
      if (c === '"') { quoted = true; i++; continue; }
      if (c === ",") { fields.push(field); field = ""; i++; continue; }
      if (c === "\n") {
        fields.push(field);
        records.push({ fields: fields, raw: text.slice(start, i + 1) });
        fields = []; field = ""; start = ++i; continue;
      }
      field += c; i++;
    }
    if (field || fields.length) { fields.push(field); records.push({ fields: fields, raw: text.slice(start) + "\n" }); }
    return records;
  }

  function loadTable() {
    if (table) return Promise.resolve(table);
    return fetch(new URL("../data/letters.csv", bundle)).then(function (r) {
      if (!r.ok) throw new Error("data/letters.csv: " + r.status);
      return r.text();
    }).then(function (text) {
      var records = parseCsv(text);
      var header = records.shift();
      var bySlug = {};
      records.forEach(function (r) { bySlug[r.fields[0]] = r; });
      table = { header: header, bySlug: bySlug };
      return table;
    });
  }

  function resultSlugs(found, done) {
    // each result's URL is in its fragment: fetched a few at a time, in result order
    var all = found.results, slugs = new Array(all.length), next = 0;
    function worker() {
      if (next >= all.length) return Promise.resolve();
      var k = next++;
      return all[k].data().then(function (d) {
        var m = /\/letters\/([^/]+)\/?$/.exec(new URL(d.url, window.location.href).pathname);
        slugs[k] = m ? decodeURIComponent(m[1]) : null;
        done(k);
        return worker();
      });
    }
    var workers = [];
    for (var w = 0; w < 8; w++) workers.push(worker());
    return Promise.all(workers).then(function () { return slugs.filter(Boolean); });
  }

  function save(name, type, text) {
    var blob = new Blob([text], { type: type });
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function download(kind) {
    if (!current) return;
    var found = current.found, total = found.results.length;
    status.textContent = "Preparing the download of " + total + " documents…";
    Promise.all([loadTable(), resultSlugs(found, function () {})]).then(function (got) {
      var t = got[0], rows = got[1].map(function (slug) { return t.bySlug[slug]; })
        .filter(Boolean);
      var name = "undersigned-search";
      if (kind === "csv") {
        save(name + ".csv", "text/csv", t.header.raw + rows.map(function (r) { return r.raw; }).join(""));
      } else {
        var objects = rows.map(function (r) {
          var o = {};
          t.header.fields.forEach(function (h, i) { o[h] = r.fields[i]; });
          return o;
        });
        save(name + ".json", "application/json", JSON.stringify(objects, null, 1) + "\n");
      }
      status.textContent = summary(current.s, total) + "; downloaded " + rows.length +
        " as " + kind.toUpperCase() + ".";
    }).catch(function (err) {
      status.textContent = "The download failed: " + err.message;
    });
  }

  csvButton.addEventListener("click", function () { download("csv"); });
  jsonButton.addEventListener("click", function () { download("json"); });

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
