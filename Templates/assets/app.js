// Progressive enhancements only; every page works without JavaScript.
(function () {
  "use strict";
  // The reader's language: a choice made in the language switch (or on the root page) is
  // remembered; the root page goes to the remembered language, else to the first of the
  // browser's languages the site has, else stays as the choice it is without a script.
  var languageKey = "handbook-language";
  document.querySelectorAll(".languages a[hreflang], .language-choice a[hreflang]").forEach(function (a) {
    a.addEventListener("click", function () {
      try { window.localStorage.setItem(languageKey, a.getAttribute("hreflang")); } catch (e) { /* storage off */ }
    });
  });
  var languageChoice = document.querySelector(".language-choice");
  if (languageChoice) {
    var homes = {};
    languageChoice.querySelectorAll("a[hreflang]").forEach(function (a) { homes[a.getAttribute("hreflang")] = a.href; });
    var remembered = null;
    try { remembered = window.localStorage.getItem(languageKey); } catch (e) { /* storage off */ }
    var target = remembered && homes[remembered];
    if (!target) {
      (navigator.languages || [navigator.language]).some(function (tag) {
        var primary = String(tag || "").toLowerCase().split("-")[0];
        if (homes[primary]) target = homes[primary];
        return !!target;
      });
    }
    if (target) window.location.replace(target);
  }


  // "/" focuses the search box.
  document.addEventListener("keydown", function (event) {
    var box = document.getElementById("q");
    var active = document.activeElement;
    if (event.key === "/" && box && active !== box && !/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) {
      event.preventDefault();
      box.focus();
    }
  });

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Headings of a guide get a "#" link to themselves (hidden from screen readers: the contents
  // list already links every section).
  document.querySelectorAll(".body h2[id], .body h3[id]").forEach(function (heading) {
    var link = el("a", {"class": "anchor", href: "#" + heading.id, "aria-hidden": "true", tabindex: "-1"}, "#");
    heading.appendChild(link);
  });

  // The contents list marks the section being read: the last heading above the upper third of
  // the window (it is sticky beside the text on wide screens).
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll(".toc a[href^='#']"));
  if (tocLinks.length) {
    var byId = {};
    tocLinks.forEach(function (a) { byId[decodeURIComponent(a.getAttribute("href").slice(1))] = a; });
    var headings = Array.prototype.slice.call(document.querySelectorAll(".body h2[id], .body h3[id]"))
      .filter(function (h) { return byId[h.id]; });
    var pending = false;
    var markCurrent = function () {
      pending = false;
      var current = null;
      headings.forEach(function (h) { if (h.getBoundingClientRect().top < window.innerHeight / 3) current = h.id; });
      tocLinks.forEach(function (a) { a.removeAttribute("aria-current"); });
      if (current) byId[current].setAttribute("aria-current", "location");
    };
    window.addEventListener("scroll", function () {
      if (!pending) { pending = true; window.requestAnimationFrame(markCurrent); }
    }, {passive: true});
    markCurrent();
  }

  // A long timeline shows its latest five entries (the list is oldest first) and a button for the rest.
  document.querySelectorAll("ol.events[data-show-all]").forEach(function (list) {
    var items = Array.prototype.slice.call(list.children);
    if (items.length <= 6) return;
    var hidden = items.slice(0, items.length - 5);
    hidden.forEach(function (li) { li.hidden = true; });
    list.setAttribute("start", String(hidden.length + 1));
    var button = el("button", {type: "button", "class": "show-all"},
                    list.getAttribute("data-show-all").replace("{n}", String(items.length)));
    button.addEventListener("click", function () {
      hidden.forEach(function (li) { li.hidden = false; });
      list.removeAttribute("start");
      button.remove();
    });
    list.parentNode.insertBefore(button, list);
  });

  // Home: "my product, my market" opens the requirement page (without the script, the form opens
  // the planner with both filled in).
  var ask = document.querySelector("form.ask[data-requirement]");
  if (ask) {
    ask.addEventListener("submit", function (event) {
      event.preventDefault();
      window.location.href = ask.getAttribute("data-requirement")
        .replace("PRODUCT", ask.elements.product.value).replace("MARKET", ask.elements.markets.value);
    });
  }

  // Matrix: show one region.
  var filter = document.getElementById("matrix-filter");
  if (filter) {
    filter.hidden = false;
    filter.querySelector("select").addEventListener("change", function (event) {
      var region = event.target.value;
      document.querySelectorAll(".matrix tbody[data-region]").forEach(function (body) {
        body.hidden = region !== "" && body.getAttribute("data-region") !== region;
      });
    });
  }

  // Matrix on a phone: one product column at a time, chosen with the buttons above the table
  // (the style sheet hides the other columns below 40rem; wider screens show them all).
  var tabs = document.querySelector(".matrix-tabs");
  if (tabs) {
    var table = document.querySelector("table.matrix");
    var choose = function (button) {
      tabs.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
      table.setAttribute("data-column", button.getAttribute("data-column"));
      table.classList.add("one-product");
    };
    tabs.hidden = false;
    tabs.querySelectorAll("button").forEach(function (b) { b.addEventListener("click", function () { choose(b); }); });
    choose(tabs.querySelector("button"));
  }

  // Bodies directory: show the bodies of one role and one IECEE category.
  var bodiesFilter = document.getElementById("bodies-filter");
  if (bodiesFilter) {
    var role = document.getElementById("bodies-role");
    var category = document.getElementById("bodies-category");
    var count = document.getElementById("bodies-count");
    var items = Array.prototype.slice.call(document.querySelectorAll("ul.bodies > li"));
    var filterBodies = function () {
      var shown = 0;
      items.forEach(function (item) {
        var roles = (item.getAttribute("data-roles") || "").split(" ");
        var categories = (item.getAttribute("data-categories") || "").split(" ");
        var on = (role.value === "" || roles.indexOf(role.value) >= 0) &&
          (category.value === "" || categories.indexOf(category.value) >= 0);
        item.hidden = !on;
        if (on) shown += 1;
      });
      document.querySelectorAll("section.country").forEach(function (section) {
        section.hidden = section.querySelectorAll("ul.bodies > li:not([hidden])").length === 0;
      });
      count.textContent = count.getAttribute("data-words").replace("{n}", shown).replace("{total}", items.length);
    };
    bodiesFilter.hidden = false;
    role.addEventListener("change", filterBodies);
    category.addEventListener("change", filterBodies);
    filterBodies();
  }

  // Planner: the test-once plan for a product and the ticked markets, from embedded data.
  var dataNode = document.getElementById("planner-data");
  if (!dataNode) return;
  var data = JSON.parse(dataNode.textContent);
  var words = data.words;
  var form = document.getElementById("planner");
  var result = document.getElementById("planner-result");
  var product = document.getElementById("planner-product");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input.market-box"));
  var toggles = Array.prototype.slice.call(form.querySelectorAll("input.region-toggle"));
  var byKey = {};
  data.requirements.forEach(function (r) { byKey[r.product + "/" + r.market] = r; });
  var markets = {};
  data.markets.forEach(function (m) { markets[m.id] = m; });
  var groups = [["full", "plan_full"], ["partial", "plan_partial"], ["none", "plan_local"],
                ["unknown", "plan_unknown"], ["unlisted", "plan_unlisted"]];

  form.hidden = false;
  result.hidden = false;
  document.querySelector(".planner-print").hidden = false;
  document.getElementById("planner-static").hidden = true;

  var standardBox = document.getElementById("gap-standard");
  var editionBox = document.getElementById("gap-edition");
  var differencesLine = document.getElementById("gap-differences");
  var differenceBoxes = document.getElementById("gap-difference-boxes");
  var standards = {};
  data.standards.forEach(function (s) { standards[s.id] = s; });
  var differences = [];
  // The CSV link exists only where the script can fill it.
  var csvLink = el("a", {id: "gap-csv", download: "plan.csv", href: "data:text/csv;charset=utf-8,"}, words.download_csv);
  csvLink.hidden = true;
  document.querySelector(".planner-print").appendChild(document.createTextNode(" "));
  document.querySelector(".planner-print").appendChild(csvLink);

  var params = new URLSearchParams(window.location.search);
  if (params.get("product") && data.products.some(function (p) { return p.id === params.get("product"); })) {
    product.value = params.get("product");
  }
  var wanted = (params.get("markets") || "").split(",").filter(Boolean);
  // Nothing is ticked until the reader (or the link) chooses.
  boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
  // What the link names that the handbook does not have is left out, and said so.
  var linkProblems = [];
  if (params.get("product") && !data.products.some(function (p) { return p.id === params.get("product"); })) {
    linkProblems.push(params.get("product"));
  }
  wanted.forEach(function (id) { if (!markets[id]) linkProblems.push(id); });
  var wantedReport = (params.get("report") || "").split(":");
  if (standards[wantedReport[0]]) {
    standardBox.value = wantedReport[0];
    if (wantedReport[1] && standards[wantedReport[0]].editions.indexOf(wantedReport[1]) < 0) linkProblems.push(wantedReport.join(":"));
  } else if (wantedReport[0]) {
    linkProblems.push(wantedReport.join(":"));
  }
  fillEditions(wantedReport[1] || "");
  differences = (params.get("differences") || "").split(",").filter(function (id) {
    if (id && !markets[id]) linkProblems.push(id);
    return markets[id];
  });

  function fillEditions(selected) {
    while (editionBox.options.length > 1) editionBox.remove(1);
    var s = standards[standardBox.value];
    (s ? s.editions : []).forEach(function (e) {
      var option = el("option", {value: e}, e);
      if (e === selected) option.selected = true;
      editionBox.appendChild(option);
    });
    editionBox.disabled = !s || s.editions.length === 0;
  }

  // The gap check of a report held: the same rules, in the same order, as GapCheck.swift (the
  // browser tests compare both on every product and market).
  var verdicts = ["as-is", "after-differences", "unknown", "edition-not-accepted", "not-accepted"];
  function gapCheck(productId, marketId, report) {
    var key = productId + "/" + marketId;
    var r = byKey[key];
    var res = {market: marketId, requirement: r ? key : null, verdict: "as-is", gapTo: null, todo: [], questions: []};
    if (!r) {
      res.verdict = "unknown";
      res.questions.push({key: "not_covered", values: {}});
      return res;
    }
    function worsen(v) { if (verdicts.indexOf(v) > verdicts.indexOf(res.verdict)) res.verdict = v; }
    function ask(k, values) { res.questions.push({key: k, values: values || {}}); }
    var code = standards[report.standard] ? standards[report.standard].code : report.standard;
    if (r.cb === "none") {
      worsen("not-accepted");
    } else if (r.cb === "unknown") {
      worsen("unknown");
      ask("cb_reuse", {standard: code});
    } else {
      var accepted = r.accepted.filter(function (a) { return a[0] === report.standard; });
      if (!accepted.length) {
        if (!r.accepted.length && r.stds.indexOf(report.standard) >= 0) {
          ask("edition", {standard: code, edition: report.edition || "?"});
        } else {
          worsen("unknown");
          ask("standard", {standard: code});
        }
      } else if (!accepted.some(function (a) { return a[1] === null || a[1] === report.edition; })) {
        var editions = standards[report.standard] ? standards[report.standard].editions : [];
        var acceptedEditions = accepted.map(function (a) { return a[1]; }).filter(function (e) { return e !== null; });
        var held = report.edition ? editions.indexOf(report.edition) : -1;
        if (report.edition && held >= 0 && acceptedEditions.every(function (e) { return editions.indexOf(e) > held; })) {
          worsen("edition-not-accepted");
          res.gapTo = acceptedEditions.reduce(function (a, b) { return editions.indexOf(b) < editions.indexOf(a) ? b : a; });
        } else {
          worsen("unknown");
          ask("edition", {standard: code, edition: report.edition || "?"});
        }
      }
    }
    if (r.cb !== "none") {
      if (report.differences.indexOf(marketId) >= 0) {
        // Covered by the report.
      } else if (r.nd === "required") {
        worsen("after-differences");
        res.todo.push("differences");
      } else if (r.nd === "unknown") {
        ask("differences");
      }
    }
    if (r.local === "yes") res.todo.push("local_testing");
    if (r.rep === "required") res.todo.push("representative"); else if (r.rep === "unknown") ask("representative");
    if (r.fi === "yes") res.todo.push("factory_inspection"); else if (r.fi === "unknown") ask("factory_inspection");
    if (r.labelling) res.todo.push("labelling");
    if (r.documents.length) res.todo.push("documents");
    if (!r.validity) ask("validity");
    if (!r.fees) ask("fees");
    if (!r.lead) ask("lead_time");
    if (r.conf === "low" || !r.conf) ask("low_confidence");
    return res;
  }

  function fill(key, values) {
    var text = words[key] || key;
    Object.keys(values).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function span(range) { return range[0] === range[1] ? String(range[0]) : range[0] + "–" + range[1]; }

  // The same CSV as `handbook plan --format csv`.
  function csvCell(s) {
    s = String(s);
    return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csvRange(range) { return range ? range[0] + "-" + range[1] : ""; }

  function renderGap(chosen, report) {
    var productName = product.options[product.selectedIndex].text;
    var code = standards[report.standard].code;
    var results = chosen.map(function (id) { return gapCheck(product.value, id, report); });
    var names = function (ids) {
      return ids.length ? ids.map(function (id) { return markets[id].name; }).join(words.list_separator) : words.gap_none;
    };
    var head = el("div", {"class": "dossier print-only"});
    head.appendChild(el("h2", {}, data.site + " – " + words.gap_dossier));
    head.appendChild(el("p", {}, words.gap_edition + " " + data.edition));
    head.appendChild(el("p", {}, words.product + words.colon + productName));
    head.appendChild(el("p", {}, words.gap_inputs_report + " " + code + (report.edition ? ":" + report.edition : "")));
    head.appendChild(el("p", {}, words.gap_inputs_differences + " " + names(report.differences)));
    head.appendChild(el("p", {}, words.gap_inputs_markets + " " + names(chosen)));
    result.appendChild(head);
    var csv = "market,verdict,todo,validity_months,lead_time_weeks,fees,questions,requirement,confidence\n";
    var counts = {};
    results.forEach(function (res) { counts[res.verdict] = (counts[res.verdict] || 0) + 1; });
    var parts = [fill("gap_summary", {n: counts["as-is"] || 0, total: results.length})];
    verdicts.slice(1).forEach(function (v) {
      if (counts[v]) parts.push(fill("gap_summary_" + v.replace(/-/g, "_"), {n: counts[v]}));
    });
    result.appendChild(el("p", {"class": "plan-summary", id: "gap-summary"}, parts.join(words.gap_summary_separator) + words.gap_summary_end));
    var leads = results.filter(function (res) { return res.requirement && byKey[res.requirement].lead; });
    if (leads.length) {
      var longest = Math.max.apply(null, leads.map(function (res) { return byKey[res.requirement].lead[1]; }));
      var names = leads.filter(function (res) { return byKey[res.requirement].lead[1] === longest; })
        .map(function (res) { return markets[res.market].name; });
      result.appendChild(el("p", {"class": "plan-summary"}, fill("gap_longest_lead", {weeks: longest, markets: names.join(words.list_separator)})));
    }
    var unknown = results.filter(function (res) { return !res.requirement || !byKey[res.requirement].lead; })
      .map(function (res) { return markets[res.market].name; });
    if (unknown.length) result.appendChild(el("p", {"class": "plan-summary"}, fill("gap_lead_unknown", {markets: unknown.join(words.list_separator)})));
    results.forEach(function (res) {
      var m = markets[res.market];
      var r = res.requirement ? byKey[res.requirement] : null;
      var base = {market: m.name, product: productName, standard: code};
      var box = el("section", {"class": "gap-market gap-" + res.verdict, "data-market": res.market, "data-verdict": res.verdict});
      var heading = el("h3");
      heading.appendChild(el("a", {href: r ? r.href : m.href}, m.name));
      var label = fill("gap_verdict_" + res.verdict.replace(/-/g, "_"), base) + (res.gapTo ? " " + code + ":" + res.gapTo : "");
      heading.appendChild(document.createTextNode(words.colon + label));
      box.appendChild(heading);
      if (res.todo.length) {
        box.appendChild(el("p", {"class": "gap-label"}, words.gap_todo_title));
        var todo = el("ul");
        res.todo.forEach(function (k) {
          var text = fill("gap_todo_" + k, base);
          if (k === "documents") text += words.colon + r.documents.join(words.list_separator);
          if (k === "labelling") text += words.colon + r.labelling;
          if (k === "representative" && r.rep_notes) text += words.colon + r.rep_notes;
          todo.appendChild(el("li", {}, text));
        });
        box.appendChild(todo);
      }
      var facts = el("p", {"class": "gap-facts"});
      facts.appendChild(document.createTextNode(words.validity + words.colon
        + (r && r.validity ? words.months.replace("{n}", span(r.validity)) : words.unknown)
        + (r && r.renewal ? " · " + r.renewal : "")));
      facts.appendChild(el("br"));
      facts.appendChild(document.createTextNode(words.lead_time + words.colon
        + (r && r.lead ? span(r.lead) + " " + words.weeks : words.lead_time_unknown)));
      if (r && r.fees) {
        facts.appendChild(el("br"));
        facts.appendChild(document.createTextNode(words.fees + words.colon + r.fees));
      }
      box.appendChild(facts);
      if (res.questions.length) {
        box.appendChild(el("p", {"class": "gap-label"}, words.gap_questions));
        var questions = el("ul", {"class": "gap-questions"});
        res.questions.forEach(function (q) {
          var values = {};
          Object.keys(base).forEach(function (k) { values[k] = base[k]; });
          Object.keys(q.values).forEach(function (k) { values[k] = q.values[k]; });
          questions.appendChild(el("li", {"data-question": q.key}, fill("gap_q_" + q.key, values)));
        });
        box.appendChild(questions);
      }
      if (r) {
        box.appendChild(el("p", {"class": "gap-basis"}, words.gap_basis + words.colon + "req:" + res.requirement
          + (r.conf ? " (" + words.confidence + words.colon + words["confidence_" + r.conf] + ")" : "")));
        var sources = el("ol", {"class": "gap-sources"});
        r.sources.forEach(function (s) {
          sources.appendChild(el("li", {}, s.title + " – " + s.url
            + (s.confidence ? " (" + words.confidence + words.colon + words["confidence_" + s.confidence] + ")" : "")));
        });
        if (r.sources.length) {
          box.appendChild(el("p", {"class": "gap-label"}, words.sources));
          box.appendChild(sources);
        }
      }
      result.appendChild(box);
      var todoTexts = Array.prototype.map.call(box.querySelectorAll("ul:not(.gap-questions):not(.gap-sources) > li"), function (li) { return li.textContent; });
      var questionTexts = Array.prototype.map.call(box.querySelectorAll("ul.gap-questions > li"), function (li) { return li.textContent; });
      csv += [res.market, res.verdict, todoTexts.join("; "), csvRange(r && r.validity), csvRange(r && r.lead),
              r ? r.fees : "", questionTexts.join("; "), res.requirement || "", r && r.conf ? r.conf : ""].map(csvCell).join(",") + "\n";
    });
    result.appendChild(el("p", {"class": "disclaimer print-only"}, words.footer_disclaimer));
    csvLink.href = "data:text/csv;charset=utf-8," + encodeURIComponent(csv);
    csvLink.hidden = false;
  }

  function syncDifferences(chosen) {
    differenceBoxes.textContent = "";
    differencesLine.hidden = !standardBox.value || chosen.length === 0;
    chosen.forEach(function (id) {
      var label = el("label", {"class": "market-choice"});
      var box = el("input", {type: "checkbox", "class": "difference-box", value: id});
      box.checked = differences.indexOf(id) >= 0;
      box.addEventListener("change", function () {
        differences = differences.filter(function (d) { return d !== id; });
        if (box.checked) differences.push(id);
        render();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + markets[id].name));
      differenceBoxes.appendChild(label);
    });
  }

  function syncToggles() {
    toggles.forEach(function (toggle) {
      var mine = boxes.filter(function (b) { return b.getAttribute("data-region") === toggle.getAttribute("data-region"); });
      var on = mine.filter(function (b) { return b.checked; }).length;
      toggle.checked = on === mine.length;
      toggle.indeterminate = on > 0 && on < mine.length;
    });
  }

  function render() {
    syncToggles();
    var chosen = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var query = "?product=" + encodeURIComponent(product.value) + "&markets=" + chosen.map(encodeURIComponent).join(",");
    var report = null;
    if (standardBox.value) {
      var held = differences.filter(function (d) { return chosen.indexOf(d) >= 0; });
      report = {standard: standardBox.value, edition: editionBox.value || null, differences: held};
      query += "&report=" + encodeURIComponent(standardBox.value + (editionBox.value ? ":" + editionBox.value : ""))
        + "&differences=" + held.map(encodeURIComponent).join(",");
    }
    syncDifferences(chosen);
    try { window.history.replaceState(null, "", query); } catch (e) { /* file:// in some browsers */ }
    result.textContent = "";
    csvLink.hidden = true;
    if (linkProblems.length) {
      result.appendChild(el("p", {"class": "notice", role: "status", id: "planner-link-problems"},
        fill("gap_link_problems", {items: linkProblems.join(words.list_separator)})));
    }
    if (chosen.length === 0) {
      result.appendChild(el("p", {"class": "empty"}, words.plan_none_selected));
      return;
    }
    if (report) {
      renderGap(chosen, report);
      return;
    }
    renderPlan(exportPlan(product.value, chosen));
  }

  // The test-once plan: the same rules, in the same order, as ExportPlan.swift (the browser tests
  // compare the CSV with `handbook plan --format csv`, and this markup with the page's own).
  function exportPlan(productId, chosen) {
    var ids = data.markets.map(function (m) { return m.id; }).filter(function (id) { return chosen.indexOf(id) >= 0; });
    var rows = [];
    var plan = {product: productId, markets: ids, unlisted: []};
    ids.forEach(function (id) {
      var r = byKey[productId + "/" + id];
      if (r) rows.push(r); else plan.unlisted.push(id);
    });
    function ofMarkets(list) { return list.map(function (r) { return r.market; }); }
    plan.orders = planOrders(rows.filter(function (r) { return r.cb === "full" || r.cb === "partial"; }));
    plan.local = rows.filter(function (r) { return r.cb === "none" || r.local === "yes"; });
    plan.askCB = ofMarkets(rows.filter(function (r) { return r.cb === "unknown" && r.local !== "yes"; }));
    plan.documents = planDocuments(rows);
    plan.representative = ofMarkets(rows.filter(function (r) { return r.rep === "required"; }));
    plan.factoryInspection = ofMarkets(rows.filter(function (r) { return r.fi === "yes"; }));
    plan.leadTimes = rows.filter(function (r) { return r.lead; }).map(function (r) { return {market: r.market, range: r.lead}; });
    plan.validity = rows.filter(function (r) { return r.validity; }).map(function (r) { return {market: r.market, range: r.validity}; });
    var seen = {};
    plan.covered = [];
    plan.orders.forEach(function (o) {
      o.markets.forEach(function (m) { if (!seen[m]) { seen[m] = true; plan.covered.push(m); } });
    });
    return plan;
  }

  // Most markets first; earlier entries first among equals (Array.prototype.sort is stable).
  function byReach(list) {
    return list.sort(function (a, b) { return b.markets.length - a.markets.length; });
  }

  function planOrders(rows) {
    var byStandard = {};
    var found = [];
    var unrecorded = [];
    rows.forEach(function (r) {
      var named = r.accepted.length ? r.accepted : r.stds.map(function (id) { return [id, null]; });
      var candidates = named.filter(function (n) { return standards[n[0]] && standards[n[0]].cb; });
      if (!candidates.length) unrecorded.push(r);
      candidates.forEach(function (n) {
        if (!byStandard[n[0]]) { byStandard[n[0]] = []; found.push(n[0]); }
        byStandard[n[0]].push({r: r, edition: n[1]});
      });
    });
    function order(standard, edition, list) {
      return {standard: standard, edition: edition, markets: list.map(function (r) { return r.market; }),
              differences: list.filter(function (r) { return r.nd === "required"; }).map(function (r) { return r.market; }),
              ask: list.filter(function (r) { return r.nd === "unknown"; }).map(function (r) { return r.market; })};
    }
    var table = {};
    data.standards.forEach(function (s, i) { table[s.id] = i; });
    var out = [];
    found.sort(function (a, b) { return table[a] - table[b]; }).forEach(function (id) {
      var entries = byStandard[id];
      var all = standards[id].editions;
      var named = [];
      entries.forEach(function (e) { if (e.edition !== null && named.indexOf(e.edition) < 0) named.push(e.edition); });
      named.sort(function (a, b) { return all.indexOf(a) - all.indexOf(b); });
      var rowsOf = function (list) { return list.map(function (e) { return e.r; }); };
      if (named.length <= 1) {
        out.push(order(id, named.length ? named[0] : null, rowsOf(entries)));
        return;
      }
      var latest = named[named.length - 1];
      named.slice().reverse().forEach(function (edition) {
        out.push(order(id, edition, rowsOf(entries.filter(function (e) {
          return e.edition === edition || (e.edition === null && edition === latest);
        }))));
      });
    });
    out = byReach(out);
    if (unrecorded.length) out.push(order(null, null, unrecorded));
    return out;
  }

  function documentKey(item) {
    return item.toLowerCase().split(/\s+/).filter(Boolean).join(" ").replace(/[.。]+$/, "");
  }

  function planDocuments(rows) {
    var out = [];
    var index = {};
    rows.forEach(function (r) {
      r.documents.forEach(function (item) {
        var key = documentKey(item);
        if (index.hasOwnProperty(key)) {
          if (out[index[key]].markets.indexOf(r.market) < 0) out[index[key]].markets.push(r.market);
        } else {
          index[key] = out.length;
          out.push({text: item, markets: [r.market]});
        }
      });
    });
    return byReach(out);
  }

  function marketNames(ids) { return ids.map(function (id) { return markets[id].name; }).join(words.list_separator); }

  function planSummary(plan) {
    var total = plan.markets.length;
    var lines = [fill("export_summary", {covered: plan.covered.length, total: total})];
    var lead = fill("export_lead_known", {n: plan.leadTimes.length, total: total});
    if (plan.leadTimes.length) {
      var top = Math.max.apply(null, plan.leadTimes.map(function (f) { return f.range[1]; }));
      lead += fill("export_lead_longest", {weeks: top, markets: marketNames(plan.leadTimes.filter(function (f) { return f.range[1] === top; }).map(function (f) { return f.market; }))});
    }
    lines.push(lead + words.export_end);
    var validity = fill("export_validity_known", {n: plan.validity.length, total: total});
    if (plan.validity.length) {
      var low = Math.min.apply(null, plan.validity.map(function (f) { return f.range[0]; }));
      validity += fill("export_validity_shortest", {months: low, markets: marketNames(plan.validity.filter(function (f) { return f.range[0] === low; }).map(function (f) { return f.market; }))});
    }
    lines.push(validity + words.export_end);
    return lines;
  }

  function orderLabel(o) {
    return o.standard ? standards[o.standard].code + (o.edition ? ":" + o.edition : "") : words.export_order_unrecorded;
  }

  function localDetail(r) {
    var parts = [words["export_cb_" + r.cb]];
    if (r.schemes.length) parts.push(r.schemes.map(function (s) { return s.name; }).join(words.list_separator));
    var codes = r.stds.filter(function (id) { return !standards[id] || !standards[id].transport; })
      .map(function (id) { return standards[id] ? standards[id].code : id; });
    if (codes.length) parts.push(codes.join(words.list_separator));
    if (r.labs.length) parts.push(words.labs + words.colon + r.labs.join(words.list_separator));
    return parts.join(" · ");
  }

  function planCSV(plan) {
    function row(cells) { return cells.map(csvCell).join(",") + "\n"; }
    function span(range) { return range[0] + "-" + range[1]; }
    var out = row(["section", "item", "markets", "detail"]);
    planSummary(plan).forEach(function (line) { out += row(["summary", line, "", ""]); });
    plan.orders.forEach(function (o) {
      var detail = [];
      if (o.differences.length) detail.push("differences=" + o.differences.join(";"));
      if (o.ask.length) detail.push("ask=" + o.ask.join(";"));
      out += row(["order", orderLabel(o), o.markets.join(";"), detail.join(" ")]);
    });
    plan.local.forEach(function (r) { out += row(["local", r.market, r.market, localDetail(r)]); });
    plan.askCB.forEach(function (m) { out += row(["ask-cb", m, m, ""]); });
    plan.unlisted.forEach(function (m) { out += row(["unlisted", m, m, ""]); });
    plan.documents.forEach(function (d) { out += row(["document", d.text, d.markets.join(";"), ""]); });
    plan.representative.forEach(function (m) { out += row(["representative", m, m, ""]); });
    plan.factoryInspection.forEach(function (m) { out += row(["factory-inspection", m, m, ""]); });
    plan.leadTimes.forEach(function (f) { out += row(["lead-time", f.market, f.market, span(f.range)]); });
    plan.validity.forEach(function (f) { out += row(["validity", f.market, f.market, span(f.range)]); });
    return out;
  }

  // The markup of partials/export-plan.mustache.
  function renderPlan(plan) {
    function marketLink(id) {
      var r = byKey[plan.product + "/" + id];
      return el("a", {href: r ? r.href : markets[id].href}, markets[id].name);
    }
    function links(parent, ids) {
      ids.forEach(function (id, i) {
        parent.appendChild(marketLink(id));
        if (i < ids.length - 1) parent.appendChild(document.createTextNode(words.list_separator));
      });
      return parent;
    }
    function list(className, heading, items, fillItem) {
      if (!items.length) return;
      box.appendChild(el("h3", {"class": "plan-step"}, heading));
      var ul = el("ul", {"class": className});
      items.forEach(function (item) { ul.appendChild(fillItem(item)); });
      box.appendChild(ul);
    }
    var box = el("div", {"class": "export-plan", "data-product": plan.product});
    var summary = planSummary(plan);
    summary.forEach(function (line, i) {
      box.appendChild(el("p", i === 0 ? {"class": "plan-summary", id: "plan-summary"} : {"class": "plan-summary"}, line));
    });
    list("plan-orders", words.export_orders, plan.orders, function (o) {
      var li = el("li", {"data-standard": o.standard || "", "data-edition": o.edition || ""});
      li.appendChild(el("strong", {}, orderLabel(o)));
      li.appendChild(document.createTextNode(words.colon));
      links(li, o.markets);
      [["differences", "plan-nd", "export_order_differences"], ["ask", "plan-nd-ask", "export_order_ask_differences"]].forEach(function (k) {
        if (!o[k[0]].length) return;
        li.appendChild(el("br"));
        li.appendChild(links(el("span", {"class": k[1]}, words[k[2]] + words.colon), o[k[0]]));
      });
      return li;
    });
    if (plan.orders.length) box.appendChild(el("p", {"class": "plan-note"}, words.export_scope_note));
    else {
      box.appendChild(el("h3", {"class": "plan-step"}, words.export_orders));
      box.appendChild(el("p", {"class": "empty"}, words.export_orders_none));
    }
    list("plan-local", words.export_local, plan.local, function (r) {
      var li = el("li", {"data-market": r.market});
      li.appendChild(marketLink(r.market));
      li.appendChild(document.createTextNode(words.colon + localDetail(r)));
      return li;
    });
    var ask = plan.askCB.map(function (m) { return [m, words.export_ask_cb]; })
      .concat(plan.unlisted.map(function (m) { return [m, words.plan_unlisted]; }));
    list("plan-ask", words.export_ask, ask, function (a) {
      var li = el("li", {"data-market": a[0]});
      li.appendChild(marketLink(a[0]));
      li.appendChild(document.createTextNode(words.colon + a[1]));
      return li;
    });
    list("plan-documents", words.export_documents, plan.documents, function (d) {
      var li = el("li", {}, d.text);
      li.appendChild(el("span", {"class": "plan-markets"}, words.paren_open + marketNames(d.markets) + words.paren_close));
      return li;
    });
    var also = [];
    if (plan.representative.length) also.push([words.plan_representative, plan.representative]);
    if (plan.factoryInspection.length) also.push([words.export_factory_inspection, plan.factoryInspection]);
    list("plan-also", words.export_also, also, function (a) { return links(el("li", {}, a[0] + words.colon), a[1]); });
    list("plan-lead", words.export_timing, plan.leadTimes, function (f) {
      var li = el("li");
      li.appendChild(marketLink(f.market));
      li.appendChild(document.createTextNode(words.colon + span(f.range) + " " + words.weeks));
      return li;
    });
    result.appendChild(box);
    csvLink.href = "data:text/csv;charset=utf-8," + encodeURIComponent(planCSV(plan));
    csvLink.hidden = false;
  }

  toggles.forEach(function (toggle) {
    toggle.addEventListener("change", function () {
      boxes.forEach(function (b) {
        if (b.getAttribute("data-region") === toggle.getAttribute("data-region")) b.checked = toggle.checked;
      });
      render();
    });
  });
  boxes.forEach(function (b) { b.addEventListener("change", render); });
  product.addEventListener("change", render);
  standardBox.addEventListener("change", function () { fillEditions(""); render(); });
  editionBox.addEventListener("change", render);
  document.getElementById("planner-all").addEventListener("click", function () {
    boxes.forEach(function (b) { b.checked = true; });
    render();
  });
  document.getElementById("planner-clear").addEventListener("click", function () {
    boxes.forEach(function (b) { b.checked = false; });
    render();
  });
  document.getElementById("planner-print").addEventListener("click", function () { window.print(); });
  render();
})();
