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
  var HB = window.HB_SEARCH = {};
  var meta = null, shards = {}, chunks = {}, resolvers = {}, promises = {};
  function need(name) {
    if (!promises[name]) {
      promises[name] = new Promise(function (resolve, reject) {
        resolvers[name] = resolve;
        var script = document.createElement("script");
        script.src = "index/" + name + ".js";
        script.onerror = function () { reject(new Error(name)); };
        document.head.appendChild(script);
      });
    }
    return promises[name];
  }
  HB.meta = function (m) { meta = m; resolvers.meta(); };
  HB.shard = function (n, data) { shards[n] = data; resolvers["s" + n](); };
  HB.docs = function (n, rows) { chunks[n] = rows; resolvers["d" + n](); };

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
    var list = shards[shardOf(token)][token], out = [], doc = 0;
    if (!list) return out;
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

  /** Document numbers matching `query`, best first (mirror of SearchIndex.search). */
  function search(query) {
    var all = tokens(query, true);
    var base = unique(all.filter(function (t) { return !t[1]; }).map(function (t) { return t[0]; }));
    if (!base.length) return Promise.resolve([]);
    var derived = unique(all.filter(function (t) { return t[1]; }).map(function (t) { return t[0]; }))
      .filter(function (t) { return base.indexOf(t) < 0; });
    var bases = all.filter(function (t) { return !t[1]; });
    var prefix = /\s$/.test(query) ? null : bases[bases.length - 1][0];
    return need("meta").then(function () {
      var wanted = unique(base.concat(derived).map(shardOf));
      return Promise.all(wanted.map(function (n) { return need("s" + n); }));
    }).then(function () {
      var matched = {}, score = {}, inFields = {}, fields = {}, phrase = {};
      base.forEach(function (token) {
        var best = {};
        postings(token).forEach(function (p) { best[p[0]] = Math.max(best[p[0]] || 0, p[1]); });
        if (token === prefix && allowsPrefix(token)) {
          var length = Array.from(token).length, shard = shards[shardOf(token)];
          Object.keys(shard).forEach(function (key) {
            if (key.indexOf(token) === 0 && Array.from(key).length > length) {
              postings(key).forEach(function (p) { best[p[0]] = Math.max(best[p[0]] || 0, Math.floor(p[1] / 2)); });
            }
          });
        }
        Object.keys(best).forEach(function (doc) {
          matched[doc] = (matched[doc] || 0) + 1;
          score[doc] = (score[doc] || 0) + best[doc];
          fields[doc] = (fields[doc] || 0) + Math.floor(best[doc] / 100);
          if (best[doc] >= 100) inFields[doc] = (inFields[doc] || 0) + 1;
        });
      });
      derived.forEach(function (token) {
        postings(token).forEach(function (p) {
          if (matched[p[0]] === undefined) return;
          score[p[0]] += p[1];
          if (p[1] >= 100) phrase[p[0]] = (phrase[p[0]] || 0) + 1;
        });
      });
      return Object.keys(matched).map(Number).sort(function (a, b) {
        var ia = inFields[a] || 0, ib = inFields[b] || 0;
        var kind = Number(meta.kinds[a]) - Number(meta.kinds[b]), length = meta.titles[a] - meta.titles[b];
        return (matched[b] - matched[a]) || ((phrase[b] || 0) - (phrase[a] || 0)) || (ib - ia) ||
          (ia > 0 ? kind || (fields[b] - fields[a]) || length : 0) ||
          (score[b] - score[a]) || kind || length || (a - b);
      });
    });
  }

  function documents(numbers) {
    var needed = unique(numbers.map(function (d) { return Math.floor(d / meta.chunk); }));
    return Promise.all(needed.map(function (n) { return need("d" + n); })).then(function () {
      return numbers.map(function (d) {
        var row = chunks[Math.floor(d / meta.chunk)][d % meta.chunk];
        return {kind: row[0], href: row[1], title: row[2], excerpt: row[3]};
      });
    });
  }
  HB.tokens = tokens;
  HB.search = search;
  HB.documents = documents;

  // ---- The page ----
  var input = document.getElementById("search-q");
  if (!input) return;
  var words = JSON.parse(document.getElementById("search-words").textContent);
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var PAGE = 20;
  var current = {query: null, ranked: [], shown: 0};

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

  function render(query, docs, more) {
    results.textContent = "";
    // Grouped by kind; the group holding the best result comes first.
    var groups = {}, order = [];
    docs.forEach(function (d) {
      if (!groups[d.kind]) { groups[d.kind] = []; order.push(d.kind); }
      groups[d.kind].push(d);
    });
    order.forEach(function (kind) {
      var section = document.createElement("section");
      section.className = "search-group";
      var heading = document.createElement("h2");
      heading.textContent = words["kind_" + kind] + " (" + groups[kind].length + ")";
      section.appendChild(heading);
      var list = document.createElement("ol");
      groups[kind].forEach(function (d) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = d.href;
        link.className = "search-hit";
        link.appendChild(highlighted(d.title, query));
        item.appendChild(link);
        if (d.excerpt) {
          var p = document.createElement("p");
          p.appendChild(highlighted(d.excerpt, query));
          item.appendChild(p);
        }
        list.appendChild(item);
      });
      section.appendChild(list);
      results.appendChild(section);
    });
    if (more) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = words.search_more;
      button.addEventListener("click", function () { show(query, current.shown + PAGE); });
      results.appendChild(button);
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
      results.textContent = "";
      return;
    }
    status.textContent = words.search_loading;
    search(query).then(function (ranked) {
      if (query !== current.query) return;
      current.ranked = ranked;
      status.textContent = ranked.length ? words.search_results.replace("{n}", ranked.length) : words.search_none;
      return show(query, PAGE);
    }).catch(function () {
      status.textContent = words.search_failed;
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
    run(input.value);
    var first = results.querySelector("a.search-hit");
    if (first) first.focus();
  });
  // Arrow keys move between results; Enter opens the focused one (a normal link).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var hits = Array.prototype.slice.call(results.querySelectorAll("a.search-hit"));
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
  var header = document.getElementById("q");
  if (header) header.value = initial;
  if (initial) run(initial);
  input.focus();
})();
