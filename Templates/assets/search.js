// Search over the static index in ./index/ (written by `handbook build`). Plain JavaScript, no
// requests outside the site; the index is loaded with <script> tags so it also works from file://.
// The tokenizer and the ranking mirror Sources/HandbookKit/Search/SearchTokenizer.swift and
// SearchIndex.swift: change them together.
(function () {
  "use strict";

  // ---- Tokenizer (mirror of SearchTokenizer.swift) ----
  var STOP = {};
  ["the", "a", "an", "of", "and", "or", "for", "in", "to", "on", "with", "by", "is", "are", "be"]
    .forEach(function (w) { STOP[w] = true; });

  function isHan(c) {
    var v = c.codePointAt(0);
    return (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF) ||
      (v >= 0x20000 && v <= 0x2FA1F);
  }
  function isDigit(c) { return c >= "0" && c <= "9"; }
  var ALPHA = /\p{Alphabetic}/u;
  function isWord(c) {
    if (c.codePointAt(0) < 128) return (c >= "a" && c <= "z") || isDigit(c);
    return ALPHA.test(c) && !isHan(c);
  }
  function stem(w) {
    if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
    if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + "y";
    if (/sses$/.test(w)) return w.slice(0, -2);
    if (/ing$/.test(w) && w.length > 5) return w.slice(0, -3);
    if (/ed$/.test(w) && w.length > 4) return w.slice(0, -2);
    if (/s$/.test(w) && !/ss$/.test(w) && !/us$/.test(w)) return w.slice(0, -1);
    return w;
  }

  /** Full-width ASCII and the ideographic space as ASCII, then lower case (as the Swift side does). */
  function normalize(text) {
    return text.replace(/[\uFF01-\uFF5E\u3000]/g, function (c) {
      return c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
    }).toLowerCase();
  }

  /** Tokens of `text` as [text, isDerived] pairs (with Han trigrams as derived tokens when asked). */
  function tokens(text, hanTrigrams) {
    var out = [], han = [], word = [], parts = [], seps = [], pending = null, previousLetters = null;
    function flushHan() {
      if (han.length === 1) out.push([han[0], false]);
      for (var i = 0; i + 1 < han.length; i++) out.push([han[i] + han[i + 1], false]);
      if (hanTrigrams) for (var j = 0; j + 2 < han.length; j++) out.push([han[j] + han[j + 1] + han[j + 2], true]);
      han = [];
    }
    function emitBase(t) {
      var s = stem(t);
      if (!STOP[s]) out.push([s, false]);
    }
    function finishCode() {
      var i;
      if (parts.length > 1) {
        var withSeps = parts[0], without = parts[0];
        for (i = 1; i < parts.length; i++) {
          withSeps += seps[i - 1] + parts[i];
          without += parts[i];
          out.push([withSeps, true]);
          out.push([without, true]);
        }
      }
      if (previousLetters !== null && parts.length && isDigit(parts[0][0])) {
        var glued = previousLetters + parts[0];
        out.push([glued, true]);
        for (i = 1; i < parts.length; i++) {
          glued += seps[i - 1] + parts[i];
          out.push([glued, true]);
        }
      }
      if (parts.length === 1 && new TextEncoder().encode(parts[0]).length <= 4 && !/[0-9]/.test(parts[0]) && !STOP[parts[0]]) {
        previousLetters = parts[0];
      } else if (parts.length) {
        previousLetters = null;
      }
      parts = [];
      seps = [];
    }
    function addPart(part) {
      if (parts.length === 0 || pending === null) {
        finishCode();
        parts = [part];
      } else {
        seps.push(pending);
        parts.push(part);
      }
      pending = null;
    }
    function flushWord() {
      if (!word.length) return;
      var pieces = [], piece = "";
      word.forEach(function (c) {
        if (piece && isDigit(piece[piece.length - 1]) !== isDigit(c)) {
          pieces.push(piece);
          piece = "";
        }
        piece += c;
      });
      pieces.push(piece);
      if (pieces.length > 1) {
        pieces.forEach(emitBase);
        var glued = pieces.join("");
        out.push([glued, true]);
        addPart(glued);
      } else {
        emitBase(pieces[0]);
        addPart(pieces[0]);
      }
      word = [];
    }
    var normalized = normalize(text);
    for (var c of normalized) {
      if (isHan(c)) {
        flushWord();
        finishCode();
        previousLetters = null;
        pending = null;
        han.push(c);
      } else if (isWord(c)) {
        flushHan();
        if (!word.length && pending === null && parts.length) finishCode();
        word.push(c);
      } else {
        flushHan();
        var hadWord = word.length > 0;
        flushWord();
        if (hadWord && (c === "-" || c === "." || c === "/" || c === ":")) {
          pending = c;
        } else {
          if (pending !== null || c !== " ") finishCode();
          if (c !== " " || pending !== null) previousLetters = null;
          pending = null;
        }
      }
    }
    flushHan();
    flushWord();
    finishCode();
    return out;
  }

  // ---- Index loading ----
  // The index lives in index/ beside the search page; on other pages the header box's form
  // points at that page.
  var HB = window.HB_SEARCH = {};
  var SCRIPT = document.currentScript;
  var headerBox = document.getElementById("q");
  var searchPage = document.getElementById("search-q") || !headerBox || !headerBox.form
    ? window.location.href : headerBox.form.action;
  var meta = null, shards = {}, chunks = {}, resolvers = {}, promises = {};
  function need(name) {
    if (!promises[name]) {
      promises[name] = new Promise(function (resolve, reject) {
        resolvers[name] = resolve;
        var script = document.createElement("script");
        script.src = new URL("index/" + name + ".js", searchPage).href;
        script.onerror = function () { delete promises[name]; reject(new Error(name)); };
        document.head.appendChild(script);
      });
    }
    return promises[name];
  }
  HB.meta = function (m) { meta = m; resolvers.meta(); };
  HB.shard = function (n, data) { shards[n] = data; resolvers["s" + n](); };
  HB.docs = function (n, rows) { chunks[n] = rows; resolvers["d" + n](); };

  var own = Object.prototype.hasOwnProperty;
  function shardOf(token) {
    var chars = Array.from(token);
    var key = !chars.length ? "" : isHan(chars[0]) ? chars[0] : chars.slice(0, 2).join("");
    var hash = 0x811C9DC5;
    new TextEncoder().encode(key).forEach(function (b) {
      hash ^= b;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    });
    return hash % meta.shards;
  }
  function postings(token) {
    var shard = shards[shardOf(token)], out = [], doc = 0;
    if (!own.call(shard, token)) return out;
    var list = shard[token];
    for (var i = 0; i < list.length; i += 2) {
      doc += list[i];
      out.push([doc, list[i + 1]]);
    }
    return out;
  }
  function allowsPrefix(token) {
    var chars = Array.from(token);
    return chars.length > 0 && (isHan(chars[0]) || chars.length >= 2);
  }
  function unique(list) {
    return list.filter(function (x, i) { return list.indexOf(x) === i; });
  }

  // ---- Ranking (mirror of SearchQuery.swift and SearchIndex.results) ----
  // Weights: 300 title, 200 name, 100 descriptive title, 50 summary, plus at most 35 for text.
  var DESCRIPTION = 100, SUMMARY = 50;
  function level(w) { return w >= 300 ? 4 : w >= 200 ? 3 : w >= 100 ? 2 : w >= 50 ? 1 : 0; }

  /** The query's base and derived tokens, prefix word and units (see SearchQuery.swift). */
  function analyse(query) {
    var all = tokens(query, true), seen = new Set(), base = [], derived = [];
    all.forEach(function (t) { if (!t[1] && !seen.has(t[0])) { seen.add(t[0]); base.push(t[0]); } });
    all.forEach(function (t) { if (t[1] && !seen.has(t[0])) { seen.add(t[0]); derived.push(t[0]); } });
    var bases = all.filter(function (t) { return !t[1]; });
    var prefix = /\s$/.test(query) || !bases.length ? null : bases[bases.length - 1][0];
    var units = base.filter(function (t) { return !Array.from(t).some(isHan); })
      .map(function (t) { return [t]; });
    var runs = [], run = [];
    for (var c of query) {
      if (isHan(c)) run.push(c);
      else if (run.length) { runs.push(run); run = []; }
    }
    if (run.length) runs.push(run);
    var seenRuns = new Set();
    runs.forEach(function (r) {
      var key = r.join("");
      if (seenRuns.has(key)) return;
      seenRuns.add(key);
      if (r.length === 1) { units.push([r[0]]); return; }
      for (var i = 0; i < r.length; i++) {
        var unit = [];
        if (i > 0) unit.push(r[i - 1] + r[i]);
        if (i + 1 < r.length) unit.push(r[i] + r[i + 1]);
        units.push(unit);
      }
    });
    return {base: base, derived: derived, prefix: prefix, units: units};
  }

  /** All documents matching `query`, best first, and how many of them (the first ones) match
   *  every unit of the query (mirror of SearchIndex.results). */
  function results(query) {
    var q = analyse(query);
    if (!q.units.length) return Promise.resolve({documents: [], complete: 0});
    return need("meta").then(function () {
      var wanted = unique(q.base.concat(q.derived).map(shardOf));
      return Promise.all(wanted.map(function (n) { return need("s" + n); }));
    }).then(function () {
      var best = new Map(), score = new Map();
      q.base.forEach(function (token) {
        var weights = new Map();
        postings(token).forEach(function (p) { weights.set(p[0], Math.max(weights.get(p[0]) || 0, p[1])); });
        if (token === q.prefix && allowsPrefix(token)) {
          var length = Array.from(token).length, shard = shards[shardOf(token)];
          Object.keys(shard).forEach(function (key) {
            if (key.indexOf(token) === 0 && Array.from(key).length > length) {
              postings(key).forEach(function (p) {
                weights.set(p[0], Math.max(weights.get(p[0]) || 0, Math.floor(p[1] / 2)));
              });
            }
          });
        }
        best.set(token, weights);
        weights.forEach(function (w, doc) { score.set(doc, (score.get(doc) || 0) + w); });
      });
      var covered = new Map(), strong = new Map(), inFields = new Map(), levels = new Map(), phrase = new Map();
      function add(map, doc, n) { map.set(doc, (map.get(doc) || 0) + n); }
      q.units.forEach(function (unit) {
        var unitBest = new Map();
        unit.forEach(function (token) {
          (best.get(token) || new Map()).forEach(function (w, doc) {
            unitBest.set(doc, Math.max(unitBest.get(doc) || 0, w));
          });
        });
        unitBest.forEach(function (w, doc) {
          add(covered, doc, 1);
          add(levels, doc, level(w));
          if (w >= DESCRIPTION) add(strong, doc, 1);
          if (w >= SUMMARY) add(inFields, doc, 1);
        });
      });
      q.derived.forEach(function (token) {
        postings(token).forEach(function (p) {
          if (!score.has(p[0])) return;
          add(score, p[0], p[1]);
          if (p[1] >= SUMMARY) add(phrase, p[0], 1);
        });
      });
      function key(d) {
        return [covered.get(d) || 0, strong.get(d) === q.units.length ? 1 : 0, phrase.get(d) || 0, inFields.get(d) || 0];
      }
      var ranked = Array.from(score.keys()).sort(function (a, b) {
        var ka = key(a), kb = key(b);
        for (var i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
        var kind = Number(meta.kinds[a]) - Number(meta.kinds[b]), length = meta.titles[a] - meta.titles[b];
        var lv = (levels.get(b) || 0) - (levels.get(a) || 0);
        if (ka[1] === 1 && (kind || lv || length)) return kind || lv || length;
        return lv || (score.get(b) - score.get(a)) || kind || length || (a - b);
      });
      var complete = 0;
      while (complete < ranked.length && covered.get(ranked[complete]) === q.units.length) complete++;
      return {documents: ranked, complete: complete};
    });
  }

  /** Document numbers matching `query`, best first (mirror of SearchIndex.search). */
  function search(query) {
    return results(query).then(function (r) { return r.documents; });
  }

  function documents(numbers) {
    var needed = unique(numbers.map(function (d) { return Math.floor(d / meta.chunk); }));
    return Promise.all(needed.map(function (n) { return need("d" + n); })).then(function () {
      return numbers.map(function (d) {
        var row = chunks[Math.floor(d / meta.chunk)][d % meta.chunk];
        return {kind: row[0], href: new URL(row[1], searchPage).href, title: row[2], excerpt: row[3]};
      });
    });
  }
  HB.tokens = tokens;
  HB.results = results;
  HB.search = search;
  HB.documents = documents;

  // UI strings: those of every page on the script element, the search page's own beside its form.
  var words = {};
  [SCRIPT && SCRIPT.getAttribute("data-words"),
   document.getElementById("search-words") && document.getElementById("search-words").textContent]
    .forEach(function (text) {
      try {
        var more = JSON.parse(text || "{}");
        Object.keys(more).forEach(function (k) { words[k] = more[k]; });
      } catch (e) { /* a missing list: its parts are not shown */ }
    });
  function word(key, values) {
    var text = words[key] || "";
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }

  /** `text` as nodes with the query's words marked. */
  function highlighted(text, query) {
    var terms = unique(normalize(query).split(/\s+/).filter(Boolean))
      .sort(function (a, b) { return b.length - a.length; });
    var fragment = document.createDocumentFragment();
    var lower = normalize(text);
    var at = 0;
    while (at < text.length) {
      var next = -1, term = null;
      terms.forEach(function (t) {
        var i = lower.indexOf(t, at);
        if (i >= 0 && (next < 0 || i < next)) { next = i; term = t; }
      });
      if (next < 0 || lower.length !== text.length) break;
      fragment.appendChild(document.createTextNode(text.slice(at, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + term.length);
      fragment.appendChild(mark);
      at = next + term.length;
    }
    fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- Instant results under the header box ----
  // A combobox: the box keeps the focus, the arrow keys move through the options
  // (aria-activedescendant), Enter opens the chosen one (or, with none chosen, submits the form
  // to the search page), Escape closes the list.
  if (headerBox && headerBox.form && words.search_suggestions) {
    var SUGGESTIONS = 6;
    var list = element("ul", "search-suggest");
    list.id = "search-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", word("search_suggestions"));
    list.hidden = true;
    var live = element("p", "visually-hidden");
    live.id = "search-suggest-status";
    live.setAttribute("aria-live", "polite");
    headerBox.form.appendChild(list);
    headerBox.form.appendChild(live);
    // aria-controls for ARIA 1.2, aria-owns for the readers (and checkers) of the older pattern;
    // the browser's own list of past entries is turned off on the form.
    headerBox.setAttribute("role", "combobox");
    headerBox.setAttribute("aria-autocomplete", "list");
    headerBox.setAttribute("aria-controls", list.id);
    headerBox.setAttribute("aria-owns", list.id);
    headerBox.setAttribute("aria-expanded", "false");
    headerBox.form.setAttribute("autocomplete", "off");
    var suggested = {query: null, active: -1, timer: null};

    var options = function () { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); };
    var place = function () {
      // Under the box, as wide as it or wider, inside the viewport (the header may move the box
      // when it is focused, so this runs on every opening and resize).
      var parent = list.offsetParent || document.body;
      var box = headerBox.getBoundingClientRect(), origin = parent.getBoundingClientRect();
      var viewport = document.documentElement.clientWidth;
      var width = Math.min(viewport - 16, Math.max(box.width, 384));
      var left = Math.max(8, Math.min(box.left, viewport - 8 - width));
      list.style.width = width + "px";
      list.style.left = (left - origin.left) + "px";
      list.style.top = (box.bottom - origin.top + 4) + "px";
    };
    var close = function () {
      list.hidden = true;
      suggested.active = -1;
      headerBox.setAttribute("aria-expanded", "false");
      headerBox.removeAttribute("aria-activedescendant");
    };
    var open = function () {
      if (!options().length) return;
      list.hidden = false;
      headerBox.setAttribute("aria-expanded", "true");
      place();
    };
    var choose = function (i) {
      var all = options();
      all.forEach(function (o, j) { o.setAttribute("aria-selected", j === i ? "true" : "false"); });
      suggested.active = i;
      if (i < 0) {
        headerBox.removeAttribute("aria-activedescendant");
      } else {
        headerBox.setAttribute("aria-activedescendant", all[i].id);
        all[i].scrollIntoView({block: "nearest"});
      }
    };
    var go = function (option) { window.location.href = option.getAttribute("data-href"); };
    var allResults = function (query) {
      var url = new URL(searchPage);
      url.search = "?q=" + encodeURIComponent(query);
      return url.href;
    };
    var option = function (i, href) {
      var item = element("li", "suggest-option");
      item.id = "search-suggest-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.setAttribute("data-href", href);
      item.addEventListener("mousedown", function (event) { event.preventDefault(); });
      item.addEventListener("click", function () { go(item); });
      return item;
    };
    var suggest = function (query) {
      suggested.query = query;
      if (!query.trim()) { list.textContent = ""; live.textContent = ""; close(); return; }
      results(query).then(function (r) {
        return documents(r.documents.slice(0, SUGGESTIONS)).then(function (docs) { return {docs: docs, total: r.documents.length}; });
      }).then(function (found) {
        if (query !== suggested.query) return;
        list.textContent = "";
        found.docs.forEach(function (d, i) {
          var item = option(i, d.href);
          var title = element("span", "suggest-title");
          title.appendChild(highlighted(d.title, query));
          item.appendChild(title);
          item.appendChild(element("span", "suggest-kind", word("search_kind_" + d.kind)));
          list.appendChild(item);
        });
        if (found.docs.length) {
          var all = option(found.docs.length, allResults(query));
          all.classList.add("suggest-all");
          all.textContent = word("search_all", {n: found.total, q: query});
          list.appendChild(all);
        }
        live.textContent = found.docs.length ? word("search_suggested", {n: found.docs.length}) : word("search_none_short");
        suggested.active = -1;
        if (document.activeElement === headerBox && found.docs.length) open(); else close();
      }).catch(function () { close(); });
    };

    headerBox.addEventListener("input", function () {
      clearTimeout(suggested.timer);
      var query = headerBox.value;
      suggested.timer = setTimeout(function () { suggest(query); }, 80);
    });
    headerBox.addEventListener("focus", function () {
      need("meta").catch(function () {});   // load the small index header before the first key
      if (headerBox.value && suggested.query === headerBox.value) open();
    });
    headerBox.addEventListener("blur", function () { close(); });
    headerBox.addEventListener("keydown", function (event) {
      var all = options();
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!all.length) return;
        event.preventDefault();
        if (list.hidden) { open(); choose(event.key === "ArrowDown" ? 0 : all.length - 1); return; }
        var i = suggested.active + (event.key === "ArrowDown" ? 1 : -1);
        choose(i >= all.length ? 0 : i < -1 ? all.length - 1 : i);
      } else if (event.key === "Enter") {
        if (!list.hidden && suggested.active >= 0) {
          event.preventDefault();
          go(all[suggested.active]);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });
    window.addEventListener("resize", function () { if (!list.hidden) place(); });
  }

  // ---- The search page ----
  var input = document.getElementById("search-q");
  if (!input) return;
  var status = document.getElementById("search-status");
  var resultsBox = document.getElementById("search-results");
  var PAGE = 20, BEST = 5;
  var current = {query: null, ranked: [], complete: 0, shown: 0};

  function item(d, query, withKind) {
    var li = document.createElement("li");
    var link = element("a", "search-hit");
    link.href = d.href;
    link.appendChild(highlighted(d.title, query));
    li.appendChild(link);
    if (withKind) {
      li.appendChild(document.createTextNode(" "));
      li.appendChild(element("span", "search-kind", word("search_kind_" + d.kind)));
    }
    if (d.excerpt) {
      var p = document.createElement("p");
      p.appendChild(highlighted(d.excerpt, query));
      li.appendChild(p);
    }
    return li;
  }

  function section(className, title, docs, query, withKind) {
    var box = element("section", "search-group " + className);
    box.appendChild(element("h2", "", title));
    var list = document.createElement("ol");
    docs.forEach(function (d) { list.appendChild(item(d, query, withKind)); });
    box.appendChild(list);
    return box;
  }

  // The best matches first (any kind), then the other pages matching every word grouped by kind
  // (the group holding the best of them first), then those matching only some of the words.
  function render(query, docs, more) {
    resultsBox.textContent = "";
    var complete = current.complete;
    var best = docs.slice(0, BEST);
    resultsBox.appendChild(section("search-best", word("search_best"), best, query, true));
    var groups = {}, order = [];
    docs.slice(BEST, Math.max(BEST, complete)).forEach(function (d) {
      if (!groups[d.kind]) { groups[d.kind] = []; order.push(d.kind); }
      groups[d.kind].push(d);
    });
    order.forEach(function (kind) {
      resultsBox.appendChild(section("search-kind-" + kind, word("kind_" + kind) + " (" + groups[kind].length + ")",
                                     groups[kind], query, false));
    });
    var partial = docs.slice(Math.max(BEST, complete));
    if (partial.length) {
      resultsBox.appendChild(section("search-partial", word("search_partial", {n: current.ranked.length - Math.max(BEST, complete)}),
                                     partial, query, true));
    }
    if (more) {
      var button = element("button", "", word("search_more"));
      button.type = "button";
      button.addEventListener("click", function () { show(query, current.shown + PAGE); });
      resultsBox.appendChild(button);
    }
  }

  function show(query, count) {
    var numbers = current.ranked.slice(0, count);
    return documents(numbers).then(function (docs) {
      if (query !== current.query) return;
      current.shown = numbers.length;
      render(query, docs, current.ranked.length > numbers.length);
    });
  }

  function run(query) {
    current.query = query;
    try {
      window.history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : window.location.pathname);
    } catch (e) { /* file:// in some browsers */ }
    if (!query.trim()) {
      status.textContent = "";
      resultsBox.textContent = "";
      return Promise.resolve();
    }
    status.textContent = word("search_loading");
    return results(query).then(function (r) {
      if (query !== current.query) return;
      current.ranked = r.documents;
      current.complete = r.complete;
      status.textContent = r.documents.length ? word("search_results", {n: r.documents.length}) : word("search_none");
      return show(query, PAGE);
    }).catch(function () {
      status.textContent = word("search_failed");
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 120);
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value).then(function () {
      var first = resultsBox.querySelector("a.search-hit");
      if (first) first.focus();
    });
  });
  // Arrow keys move between results; Enter opens the focused one (a normal link).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var hits = Array.prototype.slice.call(resultsBox.querySelectorAll("a.search-hit"));
    if (!hits.length) return;
    var i = hits.indexOf(document.activeElement);
    if (document.activeElement === input && event.key === "ArrowDown") i = -1;
    else if (i < 0) return;
    event.preventDefault();
    var next = event.key === "ArrowDown" ? Math.min(hits.length - 1, i + 1) : i - 1;
    if (next < 0) input.focus(); else hits[next].focus();
  });

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  if (headerBox) headerBox.value = initial;
  if (initial) run(initial);
  input.focus();
})();
