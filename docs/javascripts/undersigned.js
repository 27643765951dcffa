/* Undersigned: progressive enhancements. The site works without them. */
(function () {
  "use strict";

  // ---- names: the archive's name index (search/names.json and the files under
  // search/names/, see outputs/names.py) and a suggesting combobox, shared by the search page
  // (search.js) and the header search. fold() mirrors core.names.fold: case, accents,
  // punctuation and spacing do not matter.
  var US = window.Undersigned = window.Undersigned || {};
  US.fold = function (text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\ufe20-\ufe2f\u200b-\u200f\u2060-\u206f\ufeff\u00ad]/g, "")
      .replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss")
      .replace(/[^\p{L}\p{N}_\s]/gu, " ").replace(/\s+/g, " ").trim();
  };
  // a node of the name index: the root (search/names.json) or search/names/<key>.json, the key
  // written as outputs/names.py file_name writes it
  function nodeUrl(site, key) {
    if (!key) return site + "search/names.json";
    return site + "search/names/" + Array.from(key).map(function (c) {
      return /^[a-z0-9]$/.test(c) ? c : c === "$" ? "-" : "_" + c.codePointAt(0).toString(16) + "_";
    }).join("") + ".json";
  }
  var nodes = {};
  function loadNode(site, key) {
    var url = nodeUrl(site, key);
    if (!nodes[url]) {
      nodes[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).catch(function (err) { delete nodes[url]; throw err; });
    }
    return nodes[url];
  }
  US.loadNameRoot = function (site) { return loadNode(site, ""); };
  function filled(p) {  // the index leaves empty fields out
    return { id: p.id, name: p.name, kind: p.kind || "person", aliases: p.aliases || [],
      printed: p.printed || [], offices: p.offices || [], signed: p.signed || 0, named: p.named || 0,
      received: p.received || 0, family: p.family || "", keys: p.keys || [] };
  }
  // The entries a typed name may fit, fetched from the few nodes its words lead to:
  // {people: [...]}, for matchNames, resolveName and nearestName. The walk follows the longest
  // word (but the last, which may still be being typed) letter by letter, to a leaf (every
  // entry with a word starting so: what matches is exact) or to where the word ends; there,
  // when the node is large (a word thousands of names share), it goes on with the next longest
  // word among the entries that have the first one complete, and so on, the last word last.
  // Each node on the way adds its most documented entries (what a short prefix shows), and a
  // dead end leaves those of the last node for "did you mean".
  US.lookupNames = function (site, text) {
    var words = US.fold(text).split(" ").filter(Boolean);
    if (!words.length) return Promise.resolve({ people: [] });
    var last = words[words.length - 1];
    // the words but the last in the index's order (outputs/names.py word_order): longest
    // first, then by code point
    var seq = words.filter(function (w, i) { return w !== last && words.indexOf(w) === i; })
      .sort(function (a, b) {
        var x = Array.from(a), y = Array.from(b);
        if (x.length !== y.length) return y.length - x.length;
        for (var k = 0; k < x.length; k++) {
          if (x[k] !== y[k]) return x[k].codePointAt(0) - y[k].codePointAt(0);
        }
        return 0;
      }).concat([last]);
    // a word that starts one before it is found with that one
    seq = seq.filter(function (w, i) {
      return !seq.slice(0, i).some(function (v) { return v.slice(0, w.length) === w; });
    });
    var found = {}, order = [];
    function add(list) {
      (list || []).forEach(function (p) {
        if (!found[p.id]) { found[p.id] = filled(p); order.push(p.id); }
      });
    }
    function walk(key) {
      return loadNode(site, key).then(function (node) {
        if (node.people) { add(node.people); return; }
        var parts = key.split("$");
        var word = seq[parts.length - 1];
        var more = node.more || [];
        if (!word) { add(node.top); return; }
        var partial = Array.from(parts[parts.length - 1]), chars = Array.from(word);
        if (partial.length < chars.length) {
          var c = chars[partial.length];
          if (more.indexOf(c) >= 0) return walk(key + c);
          add(node.top);  // no entry has such a word: the nearest are among these
          return;
        }
        add(node.top);  // the word ends here: the entries with longer words, most documented first
        if (seq[parts.length] && more.indexOf("$") >= 0) return walk(key + "$");
      });
    }
    return walk("").then(function () {
      return { people: order.map(function (id) { return found[id]; }) };
    });
  };
  function fits(kind, p) {
    return !kind || (kind === "signatory" ? p.signed + p.named > 0 : p.received > 0);
  }
  function scoreKey(key, q, tokens) {
    if (key === q) return 100;
    var words = key.split(" ");
    var all = tokens.every(function (t) {
      return words.some(function (w) { return w.slice(0, t.length) === t; });
    });
    if (!all) return 0;
    return 40 + (key.slice(0, q.length) === q ? 10 : 0);
  }
  // the entries a typed name fits, best first: {person, score, via (the form that matched)}
  US.matchNames = function (data, text, kind) {
    var q = US.fold(text);
    if (!q) return [];
    var tokens = q.split(" ");
    var out = [];
    (data.people || []).forEach(function (p) {
      if (!fits(kind, p)) return;
      var best = 0, via = null;
      p.keys.forEach(function (k) {
        var sc = scoreKey(k, q, tokens);
        if (sc > best) { best = sc; via = k; }
      });
      if (p.family && p.family === q) best = Math.max(best, 80);
      if (best) out.push({ person: p, score: best, via: via });
    });
    out.sort(function (a, b) {
      return b.score - a.score || count(b.person, kind) - count(a.person, kind) ||
        (a.person.name < b.person.name ? -1 : 1);
    });
    return out;
  };
  function count(p, kind) {
    return kind === "signatory" ? p.signed + p.named : kind === "recipient" ? p.received
      : p.signed + p.named + p.received;
  }
  // one entry a typed name means, or null (none, or several to choose from)
  US.resolveName = function (data, text, kind) {
    var found = US.matchNames(data, text, kind);
    var exact = found.filter(function (m) { return m.score === 100; });
    if (exact.length === 1) return exact[0].person;
    var byId = (data.people || []).filter(function (p) { return p.id === text && fits(kind, p); });
    if (byId.length) return byId[0];
    return found.length === 1 ? found[0].person : null;
  };
  function distance(a, b) {
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }
  // the nearest entry to a name that fits none ("Did you mean …"), or null
  US.nearestName = function (data, text, kind) {
    var q = US.fold(text), best = null, bestD = Infinity;
    if (!q) return null;
    (data.people || []).forEach(function (p) {
      if (!fits(kind, p)) return;
      p.keys.concat(p.family ? [p.family] : []).forEach(function (k) {
        var cands = [k].concat(k.split(" ").length > 1 && q.indexOf(" ") < 0 ? k.split(" ") : []);
        cands.forEach(function (c) {
          var d = distance(q, c);
          if (d < bestD) { bestD = d; best = p; }
        });
      });
    });
    return bestD <= Math.max(2, Math.floor(q.length / 3)) ? best : null;
  };
  US.describe = function (p, kind) {
    function docs(n) { return n + (n === 1 ? " document" : " documents"); }
    var parts = [];
    // signed and named as a signer, both shown and labelled, never added together
    var who = p.kind === "organization" ? "signatory organization" : "signatory";
    if (kind !== "recipient" && p.signed) parts.push(who + ", signed " + docs(p.signed));
    if (kind !== "recipient" && p.named) parts.push((p.signed ? "" : who + ", ") + "named as a signer in " + docs(p.named));
    if (kind !== "signatory" && p.received) parts.push("recipient" + (p.offices && p.offices.length ? " (" + p.offices[0] + ")" : "") + ", " + docs(p.received));
    return parts.join("; ");
  };
  var comboCount = 0;
  // An accessible combobox (input + listbox, aria-activedescendant; Down/Up move, Enter picks,
  // Escape closes). opts.suggest(text) -> [{label, detail, value}]; opts.pick(item) is called
  // with the chosen item; opts.enter(text) when Enter is pressed with no option active.
  US.combobox = function (input, opts) {
    var id = "us-cb-" + (++comboCount);
    var list = document.createElement("ul");
    list.id = id + "-list";
    list.className = "us-listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", opts.label || "Suggestions");
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");
    input.insertAdjacentElement("afterend", list);
    var items = [], active = -1, shown = 0;
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function setActive(k) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (o, i) { o.setAttribute("aria-selected", String(i === k)); });
      active = k;
      if (k >= 0 && options[k]) {
        input.setAttribute("aria-activedescendant", options[k].id);
        options[k].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    }
    function choose(k) {
      var item = items[k];
      close();
      if (item) opts.pick(item);
    }
    function render(found) {
      items = found;
      list.textContent = "";
      found.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = id + "-opt-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var strong = document.createElement("span");
        strong.className = "us-option-label";
        strong.textContent = item.label;
        li.appendChild(strong);
        if (item.detail) {
          var d = document.createElement("span");
          d.className = "us-option-detail";
          d.textContent = " — " + item.detail;
          li.appendChild(d);
        }
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
        li.addEventListener("click", function () { choose(i); });
        list.appendChild(li);
      });
      shown = found.length;
      list.hidden = !shown;
      input.setAttribute("aria-expanded", String(!!shown));
      active = -1;
      input.removeAttribute("aria-activedescendant");
    }
    var asked = 0;
    function update() {
      var mine = ++asked;
      var r = opts.suggest(input.value);
      if (r && typeof r.then === "function") {
        r.then(function (found) { if (mine === asked) render(found || []); });
      } else render(r || []);
    }
    input.addEventListener("input", update);
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") {
        ev.preventDefault();
        if (list.hidden) { update(); return; }
        setActive(Math.min(active + 1, shown - 1));
      } else if (ev.key === "ArrowUp") {
        ev.preventDefault();
        if (!list.hidden) setActive(Math.max(active - 1, 0));
      } else if (ev.key === "Enter") {
        if (!list.hidden && active >= 0) { ev.preventDefault(); choose(active); }
        else if (opts.enter) { if (opts.enter(input.value) !== false) { ev.preventDefault(); close(); } }
      } else if (ev.key === "Escape") {
        if (!list.hidden) { ev.preventDefault(); ev.stopPropagation(); close(); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    return { close: close, update: update, list: list, open: function (found) { render(found); } };
  };
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
        // a letter's heading and list go when the filter hides every entry under it, and so
        // does its link in the A to Z
        list.querySelectorAll("ul.us-entities").forEach(function (ul) {
          var empty = !ul.querySelector("li:not([hidden])");
          ul.hidden = empty;
          var heading = ul.previousElementSibling;
          if (heading && /^H[1-6]$/.test(heading.tagName)) {
            heading.hidden = empty;
            var az = heading.id && list.querySelector('.us-az a[href="#' + heading.id + '"]');
            if (az) az.hidden = empty;
          }
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
    // suggestions: people, organizations, recipients and topics (their pages), above a
    // full-text search of the documents
    var site = form.action.replace(/search\/$/, "");
    US.combobox(input, {
      label: "Pages and documents",
      suggest: function (text) {
        var q = US.fold(text);
        if (!q) return [];
        return Promise.all([US.lookupNames(site, text).catch(function () { return {}; }),
          US.loadNameRoot(site).then(function (root) { return root.topics || {}; })
            .catch(function () { return {}; })]).then(function (got) {
          var out = [];
          US.matchNames(got[0], text, null).slice(0, 6).forEach(function (m) {
            var p = m.person;
            if (p.signed || p.named) out.push({ label: p.name, value: site + "signatories/" + p.id + "/",
              detail: US.describe(p, "signatory") });
            if (p.received) out.push({ label: p.name, value: site + "recipients/" + p.id + "/",
              detail: US.describe(p, "recipient") });
          });
          var tokens = q.split(" ");
          Object.keys(got[1]).forEach(function (id) {
            var words = US.fold(got[1][id]).split(" ");
            if (tokens.every(function (t) { return words.some(function (w) { return w.slice(0, t.length) === t; }); })) {
              out.push({ label: got[1][id], value: site + "topics/" + id + "/", detail: "topic" });
            }
          });
          out = out.slice(0, 8);
          out.push({ label: "Search the documents for “" + text.trim() + "”",
            value: form.action + "?q=" + encodeURIComponent(text.trim()), detail: "" });
          return out;
        });
      },
      pick: function (item) { window.location.href = item.value; }
    });
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
    document.querySelectorAll(".md-typeset__scrollwrap, figure.us-chart, .md-typeset pre > code").forEach(function (wrap) {
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      var what = wrap.tagName === "FIGURE" ? "chart" : wrap.tagName === "CODE" ? "code" : "table";
      wrap.classList.toggle("us-wide", wide);
      var hint = wrap.previousElementSibling;
      var hinted = hint && hint.classList.contains("us-scroll-hint");
      if (wide && !hinted && what !== "code") {
        hint = document.createElement("p");
        hint.className = "us-scroll-hint";
        hint.setAttribute("aria-hidden", "true");
        hint.textContent = "This " + what + " is wider than the screen: scroll sideways →";
        wrap.parentNode.insertBefore(hint, wrap);
      } else if (!wide && hinted) {
        hint.remove();
      }
      if (wide && !wrap.hasAttribute("tabindex")) {
        var base = what === "chart" ? (wrap.querySelector("svg title") || {}).textContent || "Chart"
          : what === "code" ? "Example" : tableName(wrap);
        var name = base + " (" + what + ", scrolls sideways)";
        for (var n = 2; used[name]; n++) name = base + " (" + what + " " + n + ", scrolls sideways)";
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
  // the theme toggle (a label Material makes focusable) answers Space as well as Enter
  function setupThemeKeys() {
    document.querySelectorAll("form[data-md-component=palette] label[for^=__palette]").forEach(function (l) {
      if (l.getAttribute("data-us-keys")) return;
      l.setAttribute("data-us-keys", "1");
      if (!l.hasAttribute("tabindex")) l.setAttribute("tabindex", "0");
      if (!l.hasAttribute("aria-label") && l.title) l.setAttribute("aria-label", l.title);
      l.addEventListener("keydown", function (ev) {
        if (ev.key !== " " && ev.key !== "Spacebar") return;
        ev.preventDefault();
        var target = document.getElementById(l.htmlFor);
        l.click();
        // the next palette's toggle takes the focus, as with Enter
        setTimeout(function () {
          var next = document.querySelector("form[data-md-component=palette] label[for^=__palette]:not([hidden])");
          if (next && target) next.focus();
        }, 0);
      });
    });
  }
  // a page's table of contents where the sidebar is not shown (a phone, a narrow window)
  function setupPageToc() {
    var article = document.querySelector("article.md-content__inner");
    var links = document.querySelectorAll(".md-sidebar--secondary .md-nav--secondary > .md-nav__list > .md-nav__item > a.md-nav__link");
    if (!article || links.length < 2 || article.querySelector(".us-page-toc") || !window.matchMedia) return;
    var details = document.createElement("details");
    details.className = "us-page-toc";
    var summary = document.createElement("summary");
    summary.textContent = "On this page";
    details.appendChild(summary);
    var nav = document.createElement("nav");
    nav.setAttribute("aria-label", "On this page");
    var ul = document.createElement("ul");
    links.forEach(function (a) {
      var li = document.createElement("li");
      var b = document.createElement("a");
      b.href = a.getAttribute("href");
      b.textContent = a.textContent.trim();
      li.appendChild(b);
      ul.appendChild(li);
    });
    nav.appendChild(ul);
    details.appendChild(nav);
    var h1 = article.querySelector("h1");
    var narrow = window.matchMedia("(max-width: 76.2344em)");
    function place() {  // only where the sidebar is hidden
      if (!narrow.matches) { details.remove(); return; }
      if (details.isConnected) return;
      if (h1) h1.insertAdjacentElement("afterend", details); else article.prepend(details);
    }
    place();
    if (narrow.addEventListener) narrow.addEventListener("change", place);
  }
  function setup() {
    setupThemeKeys();
    setupPageToc();
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
