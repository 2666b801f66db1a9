// Progressive enhancements only; every page works without JavaScript.
(function () {
  "use strict";

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

  var params = new URLSearchParams(window.location.search);
  if (params.get("product") && data.products.some(function (p) { return p.id === params.get("product"); })) {
    product.value = params.get("product");
  }
  var wanted = (params.get("markets") || "").split(",").filter(Boolean);
  boxes.forEach(function (box) { box.checked = wanted.length === 0 || wanted.indexOf(box.value) >= 0; });

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
    try { window.history.replaceState(null, "", query); } catch (e) { /* file:// in some browsers */ }
    result.textContent = "";
    if (chosen.length === 0) {
      result.appendChild(el("p", {"class": "empty"}, words.plan_none_selected));
      return;
    }
    var buckets = {};
    var longest = null;
    var shortest = null;
    var representative = [];
    chosen.forEach(function (id) {
      var r = byKey[product.value + "/" + id];
      var key = r ? r.cb : "unlisted";
      (buckets[key] = buckets[key] || []).push({market: markets[id], requirement: r});
      if (r && r.lead && (longest === null || r.lead[1] > longest)) longest = r.lead[1];
      if (r && r.validity && (shortest === null || r.validity[0] < shortest.months)) {
        shortest = {months: r.validity[0], market: markets[id]};
      }
      if (r && r.rep === "required") representative.push(markets[id]);
    });
    var covered = (buckets.full || []).length + (buckets.partial || []).length;
    var summary = words.plan_summary.replace("{covered}", covered).replace("{total}", chosen.length);
    if (longest !== null) summary += " · " + words.longest_lead_time + ": " + longest + " " + words.weeks;
    result.appendChild(el("p", {"class": "plan-summary", "id": "plan-summary"}, summary));
    if (shortest !== null) {
      var validity = el("p", {"class": "plan-validity"},
        words.shortest_validity + ": " + words.months.replace("{n}", shortest.months) + " (");
      validity.appendChild(el("a", {href: shortest.market.href}, shortest.market.name));
      validity.appendChild(document.createTextNode(")"));
      result.appendChild(validity);
    }
    if (representative.length) {
      var rep = el("p", {"class": "plan-representative"}, words.plan_representative + ": ");
      representative.forEach(function (m, i) {
        if (i > 0) rep.appendChild(document.createTextNode(words.list_separator));
        rep.appendChild(el("a", {href: m.href}, m.name));
      });
      result.appendChild(rep);
    }
    groups.forEach(function (g) {
      var list = buckets[g[0]];
      if (!list) return;
      result.appendChild(el("h3", {"class": "plan-group plan-" + g[0]}, words[g[1]] + " (" + list.length + ")"));
      var ul = el("ul");
      list.forEach(function (entry) {
        var li = el("li");
        var r = entry.requirement;
        li.appendChild(el("a", {href: r ? r.href : entry.market.href}, entry.market.name));
        if (r) {
          r.schemes.forEach(function (s) {
            li.appendChild(document.createTextNode(" · " + s.name + (s.mark ? " (" + s.mark + ")" : "")));
          });
          if (r.local === "yes") li.appendChild(document.createTextNode(" · " + words.local_testing + ": " + words.yesno_yes));
          if (r.documents.length) {
            li.appendChild(el("br"));
            li.appendChild(el("span", {"class": "documents"}, words.documents + ": " + r.documents.join("; ")));
          }
        }
        ul.appendChild(li);
      });
      result.appendChild(ul);
    });
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
