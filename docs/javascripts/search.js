/* Undersigned search page: Pagefind full-text search with facets. The query and the filters
   live in the page URL (?q=...&topic=...&year=2007&year=2008&country=GT&country=HN&from=2005
   &to=2008&signatory=A&signatory=B&mode=any), so a
   filtered view can be bookmarked, shared and cited; reloading restores the same results.
   Several values of one filter (years, countries, topics, types, offices, months) are
   combined with OR, different filters with AND; a year range (from, to) is the years in it.
   Several signatories are combined with AND (documents all of them signed, the default) or OR
   (mode=any). The current result set downloads as CSV (the rows of data/letters.csv) or JSON
   (the records of data/letters.json, values as they are there: never CSV cells, whose
   formula guard belongs to spreadsheets).

   The index is written in shards of consecutive documents (search/facets.json lists them,
   newest first). Results come newest first, and the page asks the newest shards first: it
   stops once it has a page of results and has searched EAGER documents, so the first query
   costs the same at 10,000 or 100,000 documents. "Show more" and "Search all dates" continue
   into older shards; sort=relevance ranks every match of every shard by Pagefind's score.
   A year or month filter only asks the shards whose dates can hold it. Signatories,
   recipients and topics are filtered by id; names map to ids with the name index
   (search/names.json and search/names/: only the files a typed name leads to). */
(function () {
  "use strict";
  var root = document.getElementById("us-search");
  if (!root) return;
  var FACETS = [
    ["type", "Type"], ["year", "Year"], ["month", "Month"], ["topic", "Topic"],
    ["signatory", "Signatory"], ["recipient", "Recipient"], ["office", "Recipient's office"],
    ["country", "Country"]
  ];
  var LISTED = { signatory: true, recipient: true }; // many values: text input + suggestions
  var US = window.Undersigned;
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
    placeholder: "e.g. Roybal, asylum, Honduras", "aria-describedby": "us-q-help" });
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(el("p", { id: "us-q-help", class: "us-help" }, "Every word must match " +
    "(words are not combined with OR): to find either of two words, search for each in turn."));
  // the filters fold away on a small screen, so that the results start near the top
  var filterBox = el("details", { class: "us-filter-box", id: "us-filters" });
  var filterSummary = el("summary", {}, "Filters");
  filterBox.appendChild(filterSummary);
  if (!window.matchMedia || window.matchMedia("(min-width: 45em)").matches) filterBox.open = true;
  var facets = el("div", { class: "us-facets" });
  filterBox.appendChild(facets);
  var clear = el("button", { type: "button", id: "us-clear" }, "Clear filters");
  filterBox.appendChild(clear);
  form.appendChild(filterBox);
  var status = el("p", { id: "us-status", role: "status", "aria-live": "polite" });
  var clearAll = el("button", { type: "button", id: "us-clear-all", hidden: "" }, "Clear all filters");
  var results = el("ol", { id: "us-results", class: "us-results" });
  root.appendChild(form);
  root.appendChild(status);
  root.appendChild(clearAll);
  root.appendChild(results);
  var controls = {};

  var signers = [];  // the signatory inputs (one, plus any added)
  var modeSelect = null;
  var sortSelect = null;
  var available = null;  // search/facets.json

  function state() {
    var s = { q: input.value.trim(), filters: {}, signatories: [], mode: "all", pending: [],
      sort: sortSelect && sortSelect.value === "relevance" ? "relevance" : "date" };
    FACETS.forEach(function (f) {
      if (f[0] === "signatory") return;
      var c = controls[f[0]];
      if (c && c.boxes) {  // several values: every box ticked
        var ticked = c.boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        if (f[0] === "year") ticked = yearsOf(ticked);
        if (ticked.length) s.filters[f[0]] = ticked;
        return;
      }
      var v = c ? c.value.trim() : "";
      if (v && LISTED[f[0]]) {
        if (c.getAttribute("data-id")) s.filters[f[0]] = c.getAttribute("data-id");
        else s.pending.push(c);
      } else if (v) s.filters[f[0]] = v;
    });
    if (range.from.value || range.to.value) {
      s.range = [range.from.value, range.to.value];
      if (!s.filters.year) s.filters.year = yearsOf([]);
    }
    signers.forEach(function (c) {
      if (c.getAttribute("data-id")) s.signatories.push(c.getAttribute("data-id"));
      else if (c.value.trim()) s.pending.push(c);
    });
    if (modeSelect && modeSelect.value === "any") s.mode = "any";
    return s;
  }

  function active(s) {
    return s.q || Object.keys(s.filters).length || s.signatories.length || s.pending.length;
  }

  var site = new URL("..", bundle).href;

  function lookup(text) {  // { people: [{id, name, aliases, printed, keys...}] } a name may fit
    return US.lookupNames(site, text);
  }

  // ---- the signatory and recipient inputs: suggestions as you type (registry names, aliases,
  // printed forms, offices; accents and case do not matter); a name that fits one entry is
  // that entry, several offer a choice, none says so. The control keeps the entry's id.
  function setPerson(control, p) {
    control.value = p ? p.name : control.value;
    if (p) control.setAttribute("data-id", p.id); else control.removeAttribute("data-id");
    control.removeAttribute("data-committed");
    message(control, "");
  }

  function message(control, text, suggestion) {
    var msg = document.getElementById(control.id + "-msg");
    if (!msg) return;
    msg.textContent = text;
    if (suggestion) {
      msg.textContent = "No one by that name. Did you mean ";
      var b = el("button", { type: "button", class: "us-did-you-mean" }, suggestion.name);
      b.addEventListener("click", function () { setPerson(control, suggestion); control.focus(); run(); });
      msg.appendChild(b);
      msg.appendChild(document.createTextNode("?"));
    }
  }

  function commit(control, names) {
    // resolve what was typed (on Enter, on leaving the field, from the URL); ``names``: what
    // lookup() found for it
    var kind = control.getAttribute("data-kind");
    var text = control.value.trim();
    if (!text) { setPerson(control, null); return; }
    if (!names || control.value.trim() !== names.text) return;  // typed on since
    // once per text typed: leaving the field for its "Did you mean" button keeps the button
    if (!control.getAttribute("data-id") && control.getAttribute("data-committed") === text) return;
    control.setAttribute("data-committed", text);
    if (control.getAttribute("data-id")) {
      var cur = names.people.filter(function (p) { return p.id === control.getAttribute("data-id"); })[0];
      if (cur && cur.name === text) return;
    }
    var p = US.resolveName(names, text, kind);
    if (p) { setPerson(control, p); return; }
    control.removeAttribute("data-id");
    var found = US.matchNames(names, text, kind);
    if (found.length > 1) {
      message(control, "“" + text + "” fits " + found.length + " names: choose one from the list.");
      if (control.combo && document.activeElement === control) control.combo.open(suggestions(found, kind));
    } else {
      var near = US.nearestName(names, text, kind);
      if (near) message(control, "", near);
      else message(control, "No one by that name (“" + text + "”) " + (kind === "recipient" ?
        "among the recipients." : "among the signatories."));
    }
  }

  function suggestions(found, kind) {
    return found.slice(0, 12).map(function (m) {
      var p = m.person;
      var detail = US.describe(p, kind);
      var shown = [p.name].concat(p.aliases, p.printed, p.offices || []).filter(function (x) {
        return US.fold(x) === m.via;
      })[0];
      if (shown && US.fold(shown) !== US.fold(p.name)) detail += "; also “" + shown + "”";
      return { label: p.name, detail: detail, value: p.id, person: p };
    });
  }

  function resolve(control) {  // commit what the control holds, once its entries are in
    var text = control.value.trim();
    if (!text) { commit(control, null); return Promise.resolve(); }
    return lookup(text).then(function (data) {
      commit(control, { people: data.people, text: text });
    }, function () { return null; });
  }

  function nameControl(control, kind) {
    control.setAttribute("data-kind", kind);
    control.setAttribute("aria-describedby", control.id + "-msg");
    control.combo = US.combobox(control, {
      label: kind === "signatory" ? "Signatories" : "Recipients",
      suggest: function (text) {
        return lookup(text).then(function (data) {
          return suggestions(US.matchNames(data, text, kind), kind);
        }, function () { return []; });  // (offline: no suggestions, no error)
      },
      pick: function (item) { setPerson(control, item.person); run(); },
      enter: function () { resolve(control).then(run); return true; }
    });
    control.addEventListener("input", function () {
      control.removeAttribute("data-id");
      control.removeAttribute("data-committed");
      message(control, "");
    });
    control.addEventListener("change", function () { resolve(control).then(run); });
    var msg = el("span", { id: control.id + "-msg", class: "us-name-msg", "aria-live": "polite" });
    control.combo.list.insertAdjacentElement("afterend", msg);
  }

  function topicId(title) {
    var titles = (available && available.topic_titles) || {};
    var ids = Object.keys(titles).filter(function (id) { return titles[id] === title || id === title; });
    return ids.length ? ids[0] : title;
  }

  function pagefindFilters(s) {
    var filters = {};
    Object.keys(s.filters).forEach(function (k) {
      var v = s.filters[k];
      if (Array.isArray(v)) {
        if (k === "topic") v = v.map(topicId);
        filters[k] = v.length === 1 ? v[0] : { any: v };
      } else filters[k] = k === "topic" ? topicId(v) : v;
    });
    var ids = s.signatories;
    if (ids.length === 1) filters.signatory = ids[0];
    else if (ids.length > 1) filters.signatory = s.mode === "any" ? { any: ids } : { all: ids };
    return filters;
  }

  function writeUrl(s) {
    var params = new URLSearchParams();
    if (s.q) params.set("q", s.q);
    Object.keys(s.filters).forEach(function (k) {
      if (k === "year" && s.range) return;  // said by from and to
      [].concat(s.filters[k]).forEach(function (v) { params.append(k, v); });
    });
    if (s.range) {
      if (s.range[0]) params.set("from", s.range[0]);
      if (s.range[1]) params.set("to", s.range[1]);
    }
    s.signatories.forEach(function (v) { params.append("signatory", v); });
    s.pending.forEach(function (c) {  // a name not yet resolved stays as typed
      var k = c.getAttribute("data-kind");
      if (k === "signatory") params.append(k, c.value.trim()); else params.set(k, c.value.trim());
    });
    if (s.signatories.length > 1 && s.mode === "any") params.set("mode", "any");
    if (s.sort === "relevance") params.set("sort", "relevance");
    var qs = params.toString();
    history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    FACETS.forEach(function (f) {
      var c = controls[f[0]];
      if (f[0] === "signatory" || !c) return;
      if (c.boxes) {
        var wanted = params.getAll(f[0]).map(function (v) { return f[0] === "topic" ? topicId(v) : v; });
        c.boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
      } else if (params.get(f[0])) c.value = params.get(f[0]);
    });
    range.from.value = params.get("from") || "";
    range.to.value = params.get("to") || "";
    var wanted = params.getAll("signatory");
    while (signers.length < wanted.length) addSigner();
    wanted.forEach(function (v, i) { signers[i].value = v; });
    if (controls.recipient) controls.recipient.removeAttribute("data-id");
    signers.forEach(function (c) { c.removeAttribute("data-id"); });
    if (modeSelect) modeSelect.value = params.get("mode") === "any" ? "any" : "all";
    if (sortSelect) sortSelect.value = params.get("sort") === "relevance" ? "relevance" : "date";
    syncMode();
  }

  var signerBox = null;

  function syncMode() {
    if (modeSelect) modeSelect.parentNode.hidden = signers.length < 2;
  }

  function addSigner() {
    var n = signers.length + 1;
    var wrap = el("label", { for: "us-f-signatory" + (n > 1 ? "-" + n : "") },
      n > 1 ? "and signatory " + n : "Signatory");
    var control = el("input", { id: "us-f-signatory" + (n > 1 ? "-" + n : ""), type: "text",
      autocomplete: "off", placeholder: "any: type a name", "data-signatory": String(n) });
    wrap.appendChild(control);
    signerBox.insertBefore(wrap, signerBox.querySelector(".us-signer-tools"));
    nameControl(control, "signatory");
    signers.push(control);
    syncMode();
    return control;
  }

  function buildSigners() {
    signerBox = el("fieldset", { class: "us-signers" });
    // the filter finds the documents a person signed and those that name them as a signer
    signerBox.appendChild(el("legend", {}, "Signed by, or named as a signer by"));
    var tools = el("div", { class: "us-signer-tools" });
    var add = el("button", { type: "button", id: "us-add-signatory" }, "Add another signatory");
    add.addEventListener("click", function () { addSigner().focus(); });
    var modeWrap = el("label", { for: "us-mode" }, "Match");
    modeSelect = el("select", { id: "us-mode" });
    modeSelect.appendChild(el("option", { value: "all" }, "documents with all of them (AND)"));
    modeSelect.appendChild(el("option", { value: "any" }, "documents with any of them (OR)"));
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
    var sortWrap = el("label", { for: "us-sort" }, "Order");
    sortSelect = el("select", { id: "us-sort" });
    sortSelect.appendChild(el("option", { value: "date" }, "newest first"));
    sortSelect.appendChild(el("option", { value: "relevance" }, "best match (searches all dates)"));
    sortSelect.addEventListener("change", run);
    sortWrap.appendChild(sortSelect);
    FACETS.forEach(function (f) {
      var key = f[0];
      if (key === "signatory") { buildSigners(); return; }
      var counts = available[key] || {};
      if (key === "topic") {  // counted by id, shown and linked by title
        var titles = available.topic_titles || {};
        counts = {};
        Object.keys(available.topic || {}).forEach(function (id) { counts[titles[id] || id] = available.topic[id]; });
      }
      var values = Object.keys(counts).sort();
      if (key === "year" || key === "month") values.reverse();  // newest first, as results
      var wrap = el("label", { for: "us-f-" + key }, f[1]);
      var control;
      if (LISTED[key]) {
        control = el("input", { id: "us-f-" + key, type: "text", autocomplete: "off",
          placeholder: "name or office" });
        wrap.appendChild(control);
        controls[key] = control;
        facets.appendChild(wrap);
        nameControl(control, key);
        return;
      }
      // several values: a box each (with how many documents have it), in a box of its own
      // height that scrolls when there are many
      var group = el("fieldset", { id: "us-f-" + key, class: "us-multi" });
      group.appendChild(el("legend", {}, f[1]));
      var holder = el("div", { class: "us-multi-list" + (values.length > 6 ? " us-many" : "") });
      group.appendChild(holder);
      var boxes = [];
      values.forEach(function (v, i) {
        var shown = v;
        if (key === "office") {
          var who = (available.office_people || {})[v] || [];
          shown = v + (who.length ? " — " + who.join(", ") : "");
        } else if (key === "country") shown = (available.country_names || {})[v] || v;
        var value = key === "topic" ? topicId(v) : v;
        var id = "us-f-" + key + "-" + i;
        var box = el("input", { type: "checkbox", id: id, value: value, "data-facet": key });
        var item = el("label", { for: id, class: "us-check" });
        item.appendChild(box);
        item.appendChild(document.createTextNode(shown + " (" + counts[v] + ")"));
        holder.appendChild(item);
        box.addEventListener("change", run);
        boxes.push(box);
      });
      if (key === "year") {  // and a range of years
        var all = values.slice().sort();
        [["from", "from"], ["to", "to"]].forEach(function (pair) {
          var sel = range[pair[0]];
          sel.appendChild(el("option", { value: "" }, pair[0] === "from" ? "earliest" : "latest"));
          all.forEach(function (y) { sel.appendChild(el("option", { value: y }, y)); });
          var lab = el("label", { for: sel.id, class: "us-range" }, pair[1]);
          lab.appendChild(sel);
          group.appendChild(lab);
          sel.addEventListener("change", run);
        });
      }
      controls[key] = { boxes: boxes, value: "" };
      facets.appendChild(group);
    });
    facets.appendChild(sortWrap);
  }

  // results are shown a page at a time: each one shown costs a fragment download
  var PAGE = parseInt(root.getAttribute("data-page-size"), 10) || 10;
  var more = el("button", { type: "button", id: "us-more", hidden: "" }, "Show more results");
  root.appendChild(more);
  var current = null;

  var EAGER = parseInt(root.getAttribute("data-eager"), 10) || 2000;
  var searchAll = el("button", { type: "button", id: "us-search-all", hidden: "" },
    "Search all dates and count every match");
  root.appendChild(searchAll);

  function chosenCount(s) {
    var n = s.signatories.length + (s.range ? 1 : 0);
    Object.keys(s.filters).forEach(function (k) {
      if (!(k === "year" && s.range)) n += [].concat(s.filters[k]).length;
    });
    return n;
  }

  function summary(s, n, partial) {
    if (!active(s)) return "Type a word or choose a filter.";
    var text = n + (n === 1 ? " document" : " documents") + " found";
    var shownFilters = chosenCount(s);
    if (shownFilters) filterSummary.textContent = "Filters (" + shownFilters + " chosen)";
    if (partial) {
      text += " among the " + partial.docs.toLocaleString("en-US") + " newest documents searched (" +
        partial.first + " to " + partial.last + "); older ones are searched when you ask for more";
    }
    return text;
  }

  function candidates(s) {
    // the shards that can hold a match, newest first: year or month filters exclude the
    // shards whose dates lie outside every one of them
    var spans = [].concat(s.filters.month || s.filters.year || []);
    return (available.shards || []).filter(function (sh) {
      if (!spans.length || !sh.first) return sh.count > 0;
      return spans.some(function (span) {
        return sh.first.slice(0, span.length) <= span && span <= sh.last.slice(0, span.length);
      });
    });
  }

  // the years of a range (from, to) and the years ticked, as one list
  var range = { from: el("select", { id: "us-from" }), to: el("select", { id: "us-to" }) };
  function yearsOf(ticked) {
    var all = Object.keys((available && available.year) || {}).sort();
    var from = range.from.value || all[0], to = range.to.value || all[all.length - 1];
    if (!range.from.value && !range.to.value) return ticked;
    var inRange = all.filter(function (y) { return y >= from && y <= to; });
    return ticked.length ? ticked.filter(function (y) { return inRange.indexOf(y) >= 0; }) : inRange;
  }

  var merged = {};  // shard folder -> promise of its index merged into the primary bundle

  function mergeShard(sh) {
    if (!merged[sh.dir]) {
      merged[sh.dir] = sh.dir === "" ? Promise.resolve() :
        pagefind.mergeIndex(new URL(sh.dir, bundle).href, { baseUrl: siteRoot });
    }
    return merged[sh.dir];
  }

  function searchShard(s, filters, sh) {
    var f = Object.assign({}, filters, { shard: sh.id });
    return mergeShard(sh).then(function () {
      return pagefind.search(s.q || null, { filters: f, sort: { date: "desc" } });
    }).then(function (found) { return found.results; });
  }

  function extend(search, want, everything) {
    // search further shards (newest first) until there are `want` results and EAGER documents
    // have been searched, or every candidate shard has been (`everything`)
    if (search.next >= search.shards.length) return Promise.resolve(search);
    if (!everything && search.results.length >= want && search.docs >= EAGER) {
      return Promise.resolve(search);
    }
    var sh = search.shards[search.next];
    return searchShard(search.s, search.filters, sh).then(function (results) {
      if (search.mine !== seq) return search;  // a newer query took over
      search.results = search.results.concat(results);
      search.next += 1;
      search.docs += sh.count;
      search.oldest = sh.first;
      return extend(search, want, everything);
    });
  }

  function partialOf(search) {
    if (search.next >= search.shards.length) return null;
    return { docs: search.docs, first: search.oldest, last: search.shards[0].last };
  }

  function startSearch(s, mine) {
    var filters = pagefindFilters(s);
    var search = { s: s, filters: filters, mine: mine, results: [], next: 0, docs: 0,
      shards: candidates(s), oldest: null };
    if (s.sort === "relevance" && s.q) {
      // best match: every candidate shard, one query ranked by Pagefind's score
      return Promise.all(search.shards.map(mergeShard)).then(function () {
        return pagefind.search(s.q, { filters: filters });
      }).then(function (found) {
        search.results = found.results.filter(function (r) { return r; });
        search.next = search.shards.length;
        return search;
      });
    }
    return extend(search, PAGE, false);
  }

  function show(data) {
    data.forEach(function (d) {
      var li = el("li", { class: "us-result" });
      var a = el("a", { href: d.url }, d.meta && d.meta.title ? d.meta.title : d.url);
      var h = el("h2", { class: "us-result-title" });
      h.appendChild(a);
      li.appendChild(h);
      // what it is, when, from whom, to whom (the record's meta, search.py)
      var m = d.meta || {};
      var facts = [m.type, m.date].filter(Boolean).join(" · ");
      if (facts) li.appendChild(el("p", { class: "us-type" }, facts));
      var who = [];
      if (m.from) who.push("From " + m.from);
      if (m.to) who.push("To " + m.to);
      if (who.length) li.appendChild(el("p", { class: "us-who" }, who.join(" — ")));
      var p = el("p");
      // Pagefind escapes the page text and adds only <mark> around matches
      p.innerHTML = d.excerpt || "";
      p.querySelectorAll("*:not(mark)").forEach(function (x) { x.replaceWith(x.textContent); });
      li.appendChild(p);
      results.appendChild(li);
    });
  }

  function loadPage(mine, everything) {
    var search = current;
    return extend(search, search.shown + PAGE, !!everything).then(function () {
      if (mine !== seq) return;
      var next = search.results.slice(search.shown, search.shown + PAGE);
      return Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
        if (mine !== seq) return;
        show(data);
        search.shown += next.length;
        var partial = partialOf(search);
        var left = search.results.length - search.shown;
        more.hidden = left <= 0 && !partial;
        more.textContent = left > 0 ? "Show " + Math.min(left, PAGE) + " more of " + left +
          (partial ? " (and search older documents)" : "") : "Search older documents";
        searchAll.hidden = !partial;
        status.textContent = summary(search.s, search.results.length, partial) +
          (search.shown < search.results.length || partial ? ", showing " + search.shown : "");
      });
    });
  }

  function run() {
    if (!pagefind) return;
    var s = state();
    writeUrl(s);
    var mine = ++seq;
    var chosen = chosenCount(s);
    filterSummary.textContent = chosen ? "Filters (" + chosen + " chosen)" : "Filters";
    clearAll.hidden = !chosen;
    clearAll.textContent = "Clear " + (chosen === 1 ? "the filter" : "all " + chosen + " filters");
    if (s.pending.length) {
      // a name that is not one entry yet: no search until it is chosen
      results.textContent = "";
      more.hidden = true;
      searchAll.hidden = true;
      downloads.hidden = true;
      current = null;
      var c = s.pending[0];
      status.textContent = "Choose a " + c.getAttribute("data-kind") + " for “" + c.value.trim() +
        "”: " + ((document.getElementById(c.id + "-msg") || {}).textContent || "see the suggestions.");
      return;
    }
    if (!active(s)) {
      results.textContent = "";
      more.hidden = true;
      searchAll.hidden = true;
      downloads.hidden = true;
      current = null;
      status.textContent = summary(s, 0);
      return;
    }
    startSearch(s, mine).then(function (search) {
      if (mine !== seq) return;
      results.textContent = "";
      search.shown = 0;
      current = search;
      downloads.hidden = !search.results.length;
      return loadPage(mine, false);
    });
  }

  searchAll.addEventListener("click", function () {
    if (!current) return;
    var before = current.shown;
    status.textContent = "Searching every date…";
    loadPage(seq, true).then(function () {
      var first = results.querySelectorAll("li")[before];
      if (first) first.querySelector("a").focus();
    });
  });

  more.addEventListener("click", function () {
    if (!current) return;
    var before = current.shown;
    loadPage(seq, false).then(function () {
      var first = results.querySelectorAll("li")[before];
      if (first) first.querySelector("a").focus();  // keyboard users continue where they were
    });
  });

  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
  clearAll.addEventListener("click", function () { clear.click(); input.focus(); });
  clear.addEventListener("click", function () {
    Object.keys(controls).forEach(function (k) {
      if (controls[k].boxes) controls[k].boxes.forEach(function (b) { b.checked = false; });
      else controls[k].value = "";
    });
    range.from.value = range.to.value = "";
    signers.forEach(function (c) { c.value = ""; });
    Object.keys(LISTED).forEach(function (k) { if (controls[k]) setPerson(controls[k], null); });
    signers.forEach(function (c) { setPerson(c, null); });
    run();
  });

  // ---- downloads of the current result set: rows of data/letters.csv, records of data/letters.json
  var downloads = el("p", { class: "us-downloads", hidden: "" });
  var csvButton = el("button", { type: "button", id: "us-download-csv" }, "Download these results (CSV)");
  var jsonButton = el("button", { type: "button", id: "us-download-json" }, "Download these results (JSON)");
  downloads.appendChild(csvButton);
  downloads.appendChild(document.createTextNode(" "));
  downloads.appendChild(jsonButton);
  root.insertBefore(downloads, results);
  var table = null;  // data/letters.csv, parsed once: { header, fields, raw } by slug
  var records = null;  // data/letters.json, read once

  function jsonRows(list, slugs) {
    // the records of data/letters.json for these slugs, in their order, exactly as there
    var bySlug = {};
    list.forEach(function (r) { bySlug[r.slug] = r; });
    return slugs.map(function (s) { return bySlug[s]; }).filter(Boolean);
  }

  function loadRecords() {
    if (records) return Promise.resolve(records);
    return fetch(new URL("../data/letters.json", bundle)).then(function (r) {
      if (!r.ok) throw new Error("data/letters.json: " + r.status);
      return r.json();
    }).then(function (list) { records = list; return records; });
  }

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

  function resultSlugs(all, done) {
    // each result's URL is in its fragment: fetched a few at a time, in result order
    var slugs = new Array(all.length), next = 0;
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
    var search = current, total = 0;
    status.textContent = "Preparing the download (every date is searched)…";
    extend(search, Infinity, true).then(function () {  // a download holds every match
      total = search.results.length;
      searchAll.hidden = true;
      return Promise.all([kind === "csv" ? loadTable() : loadRecords(),
        resultSlugs(search.results, function () {})]);
    }).then(function (got) {
      var name = "undersigned-search", rows;
      if (kind === "csv") {
        var t = got[0];
        rows = got[1].map(function (slug) { return t.bySlug[slug]; }).filter(Boolean);
        save(name + ".csv", "text/csv", t.header.raw + rows.map(function (r) { return r.raw; }).join(""));
      } else {
        rows = jsonRows(got[0], got[1]);
        save(name + ".json", "application/json", JSON.stringify(rows, null, 1) + "\n");
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
  // the primary bundle holds the newest documents and loads the search code; older shards
  // are merged into it when a query reaches them (see the note at the top)
  import(new URL("pagefind.js", bundle).href).then(function (mod) {
    pagefind = mod;
    return Promise.all([pagefind.options({ baseUrl: siteRoot }), facetsReady]);
  }).then(function (loaded) {
    available = loaded[1];
  }).then(function () {
    buildFacets(available);
    readUrl();
    var named = [controls.recipient].concat(signers).filter(function (c) { return c && c.value.trim(); });
    if (named.length) filterBox.open = true;
    return Promise.all(named.map(resolve));
  }).then(function () {
    run();
    root.setAttribute("data-ready", "true");
  }).catch(function (err) {
    status.textContent = "Search is not available here (it needs the site to be served over HTTP).";
    root.setAttribute("data-ready", "error");
    if (window.console) console.info(err);
  });
})();
