/* edcal planning pages: copy buttons, filters kept in the URL, and the month
   and week views of the calendar page, drawn from the JSON the page embeds.
   Plain JavaScript, no build step; the pages stay usable without it. */
(function () {
  "use strict";

  var params = new URLSearchParams(window.location.search);
  /* A phone's screen (the stylesheet's breakpoint): the calendar opens on a week, the filters folded. */
  var phoneScreen = window.matchMedia("(max-width: 700px)");

  /* Controls that need this script (views, periods, filters, copy buttons) are hidden in the HTML:
     without the script, the agenda and the months' pages show everything, and no button does nothing. */
  document.querySelectorAll("[data-needs-script]").forEach(function (control) { control.hidden = false; });

  /* A video's controls (play, volume, menu) are the browser's, in its shadow tree: the page cannot give them
     its ring, and Chromium draws its own thin one. While one of them has the focus from the keyboard, the
     player wears the theme's ring (planning.css, `.keys video:focus-within`); a click takes it away. */
  document.addEventListener("keydown", function (event) {
    if (event.key === "Tab") { document.documentElement.classList.add("keys"); }
  });
  document.addEventListener("pointerdown", function () { document.documentElement.classList.remove("keys"); }, true);

  /* A table's box takes the focus, for the arrow keys to scroll it, only while the table is wider than it
     (tabindex="0" in the HTML, for a page read without this script): where it fits, each was a Tab stop
     that did nothing (the report's six tables). Measured again when the box or its table changes size. */
  var scrollBoxes = Array.prototype.slice.call(document.querySelectorAll(".scroll[tabindex]"));
  function focusWhereScrolls() {
    scrollBoxes.forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) { box.setAttribute("tabindex", "0"); }
      else if (box !== document.activeElement) { box.removeAttribute("tabindex"); }
    });
  }
  focusWhereScrolls();
  if (window.ResizeObserver) {
    var resized = new ResizeObserver(focusWhereScrolls);
    scrollBoxes.forEach(function (box) {
      resized.observe(box);
      if (box.firstElementChild) { resized.observe(box.firstElementChild); }
    });
  } else {
    window.addEventListener("resize", focusWhereScrolls);
  }

  /* The page is the plan as it stood when built: say so when it is read on another day. */
  var stale = document.getElementById("stale");
  if (stale) {
    var readOn;
    try {
      readOn = new Intl.DateTimeFormat("en-CA", { timeZone: stale.getAttribute("data-zone"),
        year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
    } catch (e) { readOn = new Date().toISOString().slice(0, 10); }
    stale.hidden = readOn === stale.getAttribute("data-today");
  }

  function setParam(name, value) {
    if (value) { params.set(name, value); } else { params.delete(name); }
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    try { window.history.replaceState(null, "", url); } catch (e) { /* file:// in some browsers */ }
    keepQuery();
  }

  /* Links between the month pages carry the filters along (not the view or the date):
     the link's own query (the calendar's ?date=2027-03) is kept, the filters are set. */
  var FILTERS = ["network", "owner", "campaign", "status"];
  function withFilters(query) {
    var kept = new URLSearchParams(query);
    FILTERS.forEach(function (name) {
      if (params.get(name)) { kept.set(name, params.get(name)); } else { kept.delete(name); }
    });
    var text = kept.toString();
    return text ? "?" + text : "";
  }
  function filterQuery() { return withFilters(""); }
  function keepQuery() {
    document.querySelectorAll("a[data-keep-query]").forEach(function (link) {
      if (!link.hasAttribute("data-href")) { link.setAttribute("data-href", link.getAttribute("href")); }
      var href = link.getAttribute("data-href");
      var hash = href.indexOf("#") < 0 ? "" : href.slice(href.indexOf("#"));
      var parts = href.slice(0, href.length - hash.length).split("?");
      link.setAttribute("href", parts[0] + withFilters(parts[1] || "") + hash);
    });
  }
  keepQuery();

  /* A month's agenda page opened for another month, which has nothing planned (planning/index.html?date=…):
     say so once, then leave it out of the address (a bookmark of this page is this month's). */
  var asked = document.getElementById("asked");
  var askedMonth = /^(\d{4})-(\d{2})$/.exec(params.get("asked") || "");
  if (asked && askedMonth && askedMonth[2] >= "01" && askedMonth[2] <= "12") {
    var monthNames = JSON.parse(asked.getAttribute("data-months"));
    asked.textContent = asked.getAttribute("data-text").split("{asked}")
      .join(monthNames[Number(askedMonth[2]) - 1] + " " + askedMonth[1]);
    asked.hidden = false;
  }
  if (params.has("asked")) { setParam("asked", ""); }

  /* ---- Copy buttons ------------------------------------------------------ */
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    if (!button) { return; }
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    /* The outcome is said on the button and, for screen readers, in the card's live region. */
    var status = document.getElementById(button.getAttribute("data-copy") + "-status");
    /* Its own label, kept from before a first tap: a second tap reads "Copied" on the button. */
    if (!button.hasAttribute("data-label")) { button.setAttribute("data-label", button.textContent); }
    var say = function (ok) {
      var text = ok ? (button.getAttribute("data-copied") || "✓") : (button.getAttribute("data-failed") || "✗");
      button.textContent = text;
      button.classList.remove("copied", "failed");
      button.classList.add(ok ? "copied" : "failed");
      if (status) { status.textContent = text; }
      window.clearTimeout(button.edcalRestore);
      button.edcalRestore = window.setTimeout(function () {
        button.textContent = button.getAttribute("data-label");
        button.classList.remove("copied", "failed");
        if (status) { status.textContent = ""; }
      }, 1500);
    };
    /* A text box's text, or an element's (a feed's address). */
    var text = "value" in field ? field.value : field.textContent;
    var fallback = function () {
      if ("value" in field) {
        field.focus();
        field.select();
        field.setSelectionRange(0, field.value.length);  /* iOS selects nothing with select() alone */
      } else {
        window.getSelection().selectAllChildren(field);
      }
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      say(ok);  /* when even this fails, the text stays selected, for the system's own Copy */
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say(true); }, fallback);
    } else {
      fallback();
    }
  });

  /* ---- Share forms (ambassadors' page): the words as edited in their box -- */
  document.querySelectorAll("textarea[data-share-text]").forEach(function (field) {
    field.addEventListener("input", function () {
      /* The length shown is the suggested text's: say that the edited one is not counted here. */
      var note = field.parentNode.querySelector(".edited");
      if (note) { note.hidden = false; }
      var length = field.parentNode.querySelector(".length");
      if (length) { length.classList.remove("over"); length.classList.add("stale"); }
      document.querySelectorAll('a[data-share-from="' + CSS.escape(field.id) + '"]').forEach(function (link) {
        link.setAttribute("href", link.getAttribute("data-form").split("{text}").join(encodeURIComponent(field.value)));
      });
    });
  });

  /* ---- Filters (network, owner, campaign, status), kept in the URL ------- */
  var filters = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  /* On a phone the filters are folded under "Filters (2)", open on a wider screen. */
  var fold = document.querySelector(".filters-fold");
  if (fold) {
    fold.open = !phoneScreen.matches;
    phoneScreen.addEventListener("change", function () { fold.open = !phoneScreen.matches; });
  }

  function applyFilters() {
    var wanted = {};
    filters.forEach(function (select) {
      if (select.value) { wanted[select.getAttribute("data-filter")] = select.value; }
    });
    // The folded filters say how many are set.
    var active = Object.keys(wanted).length;
    document.querySelectorAll("[data-filters-active]").forEach(function (count) {
      count.textContent = active ? " (" + active + ")" : "";
    });
    document.querySelectorAll("[data-item-id]").forEach(function (element) {
      var show = Object.keys(wanted).every(function (name) {
        // A status chosen by the log ("log:unconfirmed") keeps the past posts the log says that of.
        if (name === "status" && wanted.status.indexOf("log:") === 0) {
          return element.getAttribute("data-log") === wanted.status.slice(4);
        }
        // An element without the attribute (an idea has no network) is not filtered by it.
        if (!element.hasAttribute("data-" + name)) { return true; }
        // An idea for posts names its networks, space-separated: shown with each of them.
        if (name === "network") {
          return element.getAttribute("data-network").split(" ").indexOf(wanted.network) >= 0;
        }
        // A post of someone away shows with who stands in for them too, as their feed holds it.
        if (name === "owner" && element.getAttribute("data-covered-by") === wanted.owner) { return true; }
        // "_none" (no id starts with "_"): the items nobody owns, whose data-owner is empty.
        return element.getAttribute("data-" + name) === (wanted[name] === "_none" ? "" : wanted[name]);
      });
      element.hidden = !show;
    });
    // Shown for its stand-in, it says for whom ("[pour Malik Haddad]"), as the stand-in's feed does.
    document.querySelectorAll("[data-cover-mark]").forEach(function (mark) {
      var item = mark.closest("[data-covered-by]");
      mark.hidden = !wanted.owner || !item || item.getAttribute("data-covered-by") !== wanted.owner;
    });
    // A freeze of some networks shows with them (or with no network chosen), hatched only when one is chosen.
    document.querySelectorAll("[data-freeze-networks]").forEach(function (note) {
      var networks = note.getAttribute("data-freeze-networks").split(" ").filter(Boolean);
      note.hidden = Boolean(wanted.network) && networks.length > 0 && networks.indexOf(wanted.network) < 0;
    });
    document.querySelectorAll(".frozen-some").forEach(function (cell) {
      var key = cell.getAttribute("data-date");
      cell.classList.toggle("frozen", Boolean(wanted.network) && data.freezes.some(function (f) {
        return f.networks && f.networks.indexOf(wanted.network) >= 0 && f.first <= key && key <= f.last;
      }));
    });
    // An absence shows with its person or its stand-in chosen (or with nobody chosen).
    document.querySelectorAll("[data-absence-people]").forEach(function (note) {
      var people = note.getAttribute("data-absence-people").split(" ");
      note.hidden = Boolean(wanted.owner) && people.indexOf(wanted.owner) < 0;
    });
    // Cadence gaps follow the network filter (the blog's gaps show with no network chosen; a campaign's on all
    // its networks together, with any) and the campaign filter: a campaign chosen, its own gaps only.
    document.querySelectorAll(".gap[data-gap-network]").forEach(function (gap) {
      var network = gap.getAttribute("data-gap-network"), campaign = gap.getAttribute("data-gap-campaign") || "";
      gap.hidden = (Boolean(wanted.network) && network !== "" && network !== wanted.network) ||
        (Boolean(wanted.campaign) && campaign !== wanted.campaign);
    });
    foldBusyDays();
    // Agenda days and draft days with nothing left to show are hidden too, but a key date's (the fair).
    document.querySelectorAll("[data-day]").forEach(function (day) {
      var items = day.querySelectorAll("[data-item-id]");
      if (!items.length || day.querySelector(".key-date, .absence:not([hidden])")) { day.hidden = false; return; }
      day.hidden = Array.prototype.every.call(items, function (item) { return item.hidden; });
    });
    // A drafts page's list of its days keeps the days still shown.
    document.querySelectorAll("[data-day-link]").forEach(function (link) {
      var day = document.querySelector('[data-day="' + link.getAttribute("data-day-link") + '"]');
      link.hidden = Boolean(day && day.hidden);
    });
    // A drafts page whose filters leave no card says so, where the days were.
    document.querySelectorAll("[data-filtered-empty]").forEach(function (note) {
      note.hidden = Array.prototype.some.call(document.querySelectorAll("article.card[data-item-id]"),
                                              function (card) { return !card.hidden; });
    });
    // A month's agenda page counts the items its filters leave ("4 items"; "4 éléments" on a French site), as
    // the drafts pages do.
    document.querySelectorAll("[data-count-shown]").forEach(function (holder) {
      var shown = Array.prototype.filter.call(document.querySelectorAll(".agenda [data-item-id]"),
                                              function (item) { return !item.hidden; }).length;
      holder.querySelector("[data-count]").textContent = String(shown);
      var word = holder.querySelector("[data-count-word]");
      word.textContent = JSON.parse(word.getAttribute("data-forms"))[Math.min(shown, 2)];
    });
    // The drafts review's counts ([drafts, errors, warnings, errors and warnings in their articles] by
    // network, "" for all, by owner "/camille", by status "@review" and by any of them together,
    // "linkedin/camille@review": review.py's keys) follow the three filters.
    var countKey = (wanted.network || "") + (wanted.owner ? "/" + wanted.owner : "") +
      (wanted.status ? "@" + wanted.status : "");
    document.querySelectorAll("[data-counts]").forEach(function (holder) {
      var counts = JSON.parse(holder.getAttribute("data-counts"))[countKey] || [0, 0, 0, 0, 0];
      holder.querySelectorAll("[data-count]").forEach(function (cell) {
        var index = cell.getAttribute("data-count");
        var value = counts[Number(index)];
        cell.textContent = String(value);
        if (index === "1" || index === "3") { cell.classList.toggle("sev-error", value > 0); }
      });
      // The word after a count takes the form of the new count (forms for 0, 1 and more).
      holder.querySelectorAll("[data-count-word]").forEach(function (word) {
        var forms = JSON.parse(word.getAttribute("data-forms"));
        word.textContent = forms[Math.min(counts[Number(word.getAttribute("data-count-word"))], 2)];
      });
    });
  }

  /* The filters the address names (a value the page does not offer is no filter). */
  function readFilters() {
    filters.forEach(function (select) {
      var value = params.get(select.getAttribute("data-filter"));
      select.value = value && select.querySelector('option[value="' + CSS.escape(value) + '"]') ? value : "";
    });
  }
  readFilters();
  /* What a filter leaves, said in the form's polite status ("12 items shown"): the items on screen,
     on the calendar page those of its view (not the backlog's ideas, which no date places there). */
  function sayShown() {
    var scope = document.querySelector(".calendar") || document;
    var shown = Array.prototype.filter.call(scope.querySelectorAll("[data-item-id]"), function (item) {
      return item.getClientRects().length > 0 || (item.classList.contains("folded") && !item.hidden);
    }).length;
    document.querySelectorAll("[data-shown-count]").forEach(function (status) {
      var forms = JSON.parse(status.getAttribute("data-forms"));
      status.textContent = forms[Math.min(shown, 2)].split("{count}").join(String(shown));
    });
  }
  filters.forEach(function (select) {
    var name = select.getAttribute("data-filter");
    select.addEventListener("change", function () { setParam(name, select.value); applyFilters(); sayShown(); });
  });
  var reset = document.getElementById("reset-filters");
  if (reset) {
    reset.addEventListener("click", function () {
      filters.forEach(function (select) { select.value = ""; setParam(select.getAttribute("data-filter"), ""); });
      applyFilters();
      sayShown();
    });
  }

  /* A busy day of the month view shows its first tiles and a button for the others ("+9 autres"), as
     calendar apps do: 13 tiles made a cell 1,500 px high, and a month five screens to scroll. Counted
     among the tiles the filters leave; the day's button shows them all, and a day opened stays open
     until the view changes period. Paper shows every tile (planning.css). */
  var FOLD_ABOVE = 4;  /* at most this many tiles; a busier day shows one less, and its button */
  var openDays = {};
  function foldBusyDays() {
    document.querySelectorAll("table.month td[data-date]").forEach(function (cell) {
      var key = cell.getAttribute("data-date");
      var tiles = Array.prototype.filter.call(cell.querySelectorAll(".item[data-item-id]"), function (tile) {
        tile.classList.remove("folded");
        return !tile.hidden;
      });
      var button = cell.querySelector("button.more");
      if (tiles.length <= FOLD_ABOVE) {
        if (button) { button.remove(); }
        return;
      }
      var folded = tiles.slice(FOLD_ABOVE - 1);
      if (!button) {
        button = document.createElement("button");
        button.type = "button";
        button.className = "more";
        /* Which day's tiles it shows: "+2 autres" alone said nothing of it, reached with the Tab key. */
        var day = el("span", { "id": "when-day-" + key, "hidden": "" }, longDate(parse(key)));
        cell.appendChild(day);
        button.setAttribute("aria-describedby", day.id);
        button.addEventListener("click", function () {
          /* The tiles it shows come before it: the focus goes to the first of them, else the Tab key
             went on to the next day and a screen reader read past them. */
          var shown = cell.querySelector(".item.folded a[data-agenda]");
          openDays[key] = !openDays[key];
          foldBusyDays();
          sayShown();
          if (openDays[key] && shown) { shown.focus(); }
        });
        cell.appendChild(button);
      }
      var open = Boolean(openDays[key]);
      if (!open) { folded.forEach(function (tile) { tile.classList.add("folded"); }); }
      button.setAttribute("aria-expanded", String(open));
      button.textContent = open ? data.labels.fewer : data.labels.more.split("{count}").join(String(folded.length));
    });
  }

  /* ---- Calendar page: month, week and agenda views ----------------------- */
  /* An item named in the address (#item-<id>) is shown open: the agenda's months
     and the drafts review are linked to this way. */
  function openItem(target) {
    target.hidden = false;
    var details = target.querySelector("details");
    if (details) { details.open = true; }
    /* Centred, or from its top when it is taller than the screen (a long post on a phone). */
    var tall = target.getBoundingClientRect().height > window.innerHeight * 0.7;
    target.scrollIntoView({ block: tall ? "start" : "center" });
    var summary = target.querySelector("summary");
    if (summary) {
      summary.focus();
      /* A page opened at #item-… loses that focus once loaded: the browser moves it to the item,
         which takes none, and drops it. The item's summary takes it back then. */
      if (document.readyState !== "complete") {
        window.addEventListener("load", function () {
          if (document.activeElement === document.body) { summary.focus(); }
        }, { once: true });
      }
    } else {  // a draft's card: the card itself, not the first link of its text
      target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }

  /* An item this page does not hold (beyond the calendar page's months, moved out of this month's agenda or
     drafts page): items.js beside the months' pages has each one's items (a script, which loads from file://
     too), and the item's month's page takes this one's place, filters kept. A drafts page then looks in the
     calendar's, for a post with no draft any more (gone out, withheld), and links to it there. An id the plan
     no longer has is said so. */
  function lookUp(source, id, found, notFound) {
    var script = document.createElement("script");
    script.src = source;
    script.onerror = notFound;
    script.onload = function () {
      var months = window.edcalItemMonths || {};
      var month = Object.keys(months).filter(function (key) { return months[key].indexOf(id) >= 0; })[0];
      if (month) { found(source.replace(/[^/]*$/, "") + month + ".html"); } else { notFound(); }
    };
    document.head.appendChild(script);
  }
  function findItem(id) {
    var missing = document.getElementById("missing");
    if (!missing) { return; }
    var say = function (text) {
      missing.textContent = text.split("{id}").join(id);
      missing.hidden = false;
    };
    var notFound = function () { say(missing.getAttribute("data-text")); };
    var calendar = missing.getAttribute("data-calendar-months");  /* a drafts page's "../agenda/items.js" */
    var inCalendar = !calendar ? notFound : function () {
      lookUp(calendar, id, function (page) {
        say(missing.getAttribute("data-calendar-text") + " ");
        var link = document.createElement("a");
        link.href = page + "#item-" + id;
        link.textContent = missing.getAttribute("data-calendar-link");
        missing.appendChild(link);
      }, notFound);
    };
    lookUp(missing.getAttribute("data-item-months"), id, function (page) {
      window.location.replace(page + filterQuery() + "#item-" + id);
    }, inCalendar);
  }

  var dataNode = document.getElementById("plan-data");
  if (!dataNode) {
    applyFilters();
    var openNamed = function () {
      if (window.location.hash.indexOf("#item-") !== 0) { return; }
      var target = document.getElementById(window.location.hash.slice(1));
      if (target) { openItem(target); } else { findItem(window.location.hash.slice(6)); }  // (a month's page)
    };
    openNamed();
    window.addEventListener("hashchange", openNamed);
    /* Back and Forward between this page's entries: the filters are the address's. */
    window.addEventListener("popstate", function () {
      params = new URLSearchParams(window.location.search);
      readFilters();
      keepQuery();
      applyFilters();
    });
    return;
  }
  var data = JSON.parse(dataNode.textContent);
  var labels = data.labels;
  /* What items share is said once for the page (calendar_page.py): an item says only where it differs. */
  var campaignNames = {};
  data.campaigns.forEach(function (campaign) { campaignNames[campaign.id] = campaign.name; });
  data.items.forEach(function (item) {
    var network = data.networks[item.network] || {};
    item.network_name = item.network_name || network.name || null;
    item.color = item.color || network.color || "slategray";
    item.owner_name = item.owner_name || data.people[item.owner] || null;
    item.campaign_name = item.campaign_name || campaignNames[item.campaign] || null;
  });
  var byDay = {};
  data.items.forEach(function (item) { (byDay[item.date] = byDay[item.date] || []).push(item); });
  var gapsByDay = {};
  data.gaps.forEach(function (gap) {
    eachDay(parse(gap.first), parse(gap.last), function (day) {
      (gapsByDay[iso(day)] = gapsByDay[iso(day)] || []).push(gap);
    });
  });

  function parse(text) { var p = text.split("-"); return new Date(Date.UTC(+p[0], +p[1] - 1, +(p[2] || 1))); }
  function iso(day) { return day.toISOString().slice(0, 10); }
  function addDays(day, n) { return new Date(day.getTime() + n * 86400000); }
  /* The week's first day as getUTCDay() counts: Monday (1), Sunday (0) on a US English site. */
  var weekStart = labels.weekStart === undefined ? 1 : labels.weekStart;
  function weekday(day) { return (day.getUTCDay() + 7 - weekStart) % 7; } // its column: the week's first day = 0
  function weekFirst(day) { return addDays(day, -weekday(day)); }
  function eachDay(first, last, callback) { for (var d = first; d <= last; d = addDays(d, 1)) { callback(d); } }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var views = { month: document.getElementById("view-month"), week: document.getElementById("view-week"),
                agenda: document.getElementById("view-agenda") };
  var buttons = document.querySelectorAll(".views button[data-view]");
  var periodLabel = document.getElementById("period");
  var prevButton = document.getElementById("prev"), nextButton = document.getElementById("next");
  var today = parse(data.today);
  var view, cursor;
  /* A phone shows a month as a long list of days: it opens on this week instead. */
  var defaultView = phoneScreen.matches ? "week" : "month";
  /* The view an address without ?view= opens: a month's date (?date=2027-03) is that month's view,
     else the screen's default (today's month, or week on a phone). */
  function impliedView() { return /^\d{4}-\d{2}$/.test(params.get("date") || "") ? "month" : defaultView; }
  /* The view and its period, as the address gives them. */
  function readView() {
    view = views[params.get("view")] ? params.get("view") : impliedView();
    /* A date no calendar has (2027-13, 2027-02-30: Date.UTC would read 2028-01, 2 March) opens on today. */
    var date = params.get("date") || "";
    var named = /^\d{4}-\d{2}(-\d{2})?$/.test(date) ? parse(date) : null;
    cursor = named && iso(named).slice(0, date.length) === date ? named : today;
  }
  readView();

  /* A past post's badge on a site that keeps the log of what went out: "gone out", "cancelled", "not confirmed"
     ("parti", "annulé", "non confirmé" on a French site). */
  var LOG_CLASSES = { gone_out: "published", skipped: "withheld", unconfirmed: "writing" };
  function badge(item) {
    var said = item.log && labels.log ? labels.log[item.log] : null;
    return { "class": "badge status-" + (said ? LOG_CLASSES[item.log] : item.status),
             text: said || item.word || labels.statuses[item.status] };
  }

  /* A tile's day and time in words, as its link's description: Tab through a month or a week reached the
     links alone, and a screen reader said the title without the cell's number or the tile's time. */
  function itemNode(item, day) {
    var node = el("div", {
      "class": "item status-" + item.status + (item.date < data.today ? " is-past" : "") + (item.status === "withheld" ? " withheld" : ""),
      "data-item-id": item.id, "data-network": item.network || "", "data-owner": item.owner || "",
      "data-campaign": item.campaign || "", "data-status": item.status, "data-kind": item.kind,
      "data-log": item.log || "",
      "style": "--net: " + item.color,
      "title": [item.network_name, item.title, badge(item).text, item.late ? labels.late : "", item.owner_name,
                item.campaign_name]
        .filter(Boolean).join(" · ")
    });
    /* A post of someone away: shown with who stands in for them chosen, and then marked for whom. */
    if (item.covered_by) { node.setAttribute("data-covered-by", item.covered_by); }
    if (item.time) { node.appendChild(el("span", { "class": "time" }, item.time)); }
    if (item.cover) {
      node.appendChild(el("span", { "class": "cover", "data-cover-mark": "", "hidden": "" }, item.cover));
      node.appendChild(document.createTextNode(" "));
    }
    var when = el("span", { "id": "when-" + item.id, "hidden": "" },
                  longDate(day) + (item.time ? (labels.monthFirst ? ", " : " ") + item.time : ""));
    node.appendChild(when);
    var link = el("a", { "href": "#item-" + item.id, "data-agenda": item.id, "aria-describedby": when.id });
    link.appendChild(el("span", { "class": "tag" }, "[" + (item.network_name || labels.blog) + "]"));
    link.appendChild(document.createTextNode(" "));
    /* A title in another language than the page's (a blog in two languages) says which. */
    link.appendChild(item.lang ? el("span", { "lang": item.lang }, item.title) : document.createTextNode(item.title));
    node.appendChild(link);
    node.appendChild(document.createTextNode(" "));
    node.appendChild(el("span", { "class": badge(item)["class"] }, badge(item).text));
    /* A deadline passed with its step undone, and the article or idea it is of: said in words. */
    if (item.late) { node.appendChild(document.createTextNode(" ")); node.appendChild(el("span", { "class": "badge late" }, labels.late)); }
    /* Its owner and campaign in words, as the agenda gives them: a phone has no tooltip to hover. */
    [item.owner_name, item.campaign_name].forEach(function (name) {
      if (name) { node.appendChild(document.createTextNode(" ")); node.appendChild(el("span", { "class": "who" }, "· " + name)); }
    });
    return node;
  }

  /* shownFrom: the view's first day of its own period (the 1st of the month, the week's first day). */
  function dayNotes(container, key, shownFrom) {
    if (data.holidays[key]) {
      container.appendChild(el("span", { "class": "note" }, "★ " + data.holidays[key]));
    }
    data.key_dates.forEach(function (date) {
      if (date.first <= key && key <= date.last) {
        container.appendChild(el("span", { "class": "note key-date" }, "◆ " + date.name));
      }
    });
    /* Someone away, and who stands in: shown with either of them chosen in the person filter. */
    (data.absences || []).forEach(function (absence) {
      if (absence.first <= key && key <= absence.last) {
        container.appendChild(el("span", { "class": "note absence", "data-absence-people": absence.people },
                                 absence.label));
      }
    });
    data.freezes.forEach(function (freeze) {
      if (freeze.first <= key && key <= freeze.last) {
        /* A freeze of some networks names them, and hides when the filter shows another network. */
        var label = freeze.label || freeze.reason;
        container.appendChild(el("span", { "class": "note", "data-freeze-networks": (freeze.networks || []).join(" ") },
                                 "❄ " + label));
      }
    });
    data.campaigns.forEach(function (campaign) {
      if (campaign.start <= key && key <= campaign.end) {
        /* Named whole where it starts, on the view's first day and on each week's first (a month's row); the
           other days continue its band on one line, its name cut. */
        var named = key === campaign.start || key === shownFrom || weekday(parse(key)) === 0;
        container.appendChild(el("span", { "class": "band" + (named ? " named" : ""), "style": "--band: " + campaign.color,
                                           "title": campaign.name }, campaign.name));
      }
    });
    (gapsByDay[key] || []).forEach(function (gap) {
      /* Once per view: where the gap starts, or the view's first day for one that started before. */
      if (key === (gap.first > shownFrom ? gap.first : shownFrom)) {
        container.appendChild(el("span", { "class": "gap", "title": gap.message, "data-gap-network": gap.network,
                                           "data-gap-campaign": gap.campaign || "" }, "⚠ " + gap.message));
      }
    });
  }

  function dayClasses(key, base) {
    var classes = [base];
    if (key === data.today) { classes.push("today"); }
    if (data.holidays[key]) { classes.push("holiday"); }
    var frozen = data.freezes.filter(function (f) { return f.first <= key && key <= f.last; });
    if (frozen.some(function (f) { return !f.networks; })) { classes.push("frozen"); }
    else if (frozen.length) { classes.push("frozen-some"); }
    return classes.join(" ");
  }

  /* A day of the month or the week; today's says so to screen readers too, not with its colour alone. */
  function dayNode(tag, key, base) {
    var node = el(tag, { "class": dayClasses(key, base), "data-date": key });
    if (key === data.today) { node.setAttribute("aria-current", "date"); }
    return node;
  }

  /* "janvier 2027": the month of `day`. */
  function monthTitle(day) {
    return labels.months[day.getUTCMonth()] + " " + day.getUTCFullYear();
  }

  function renderMonth() {
    var first = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth(), 1));
    var last = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 0));
    periodLabel.textContent = monthTitle(first);
    var table = el("table", { "class": "month" });
    table.appendChild(el("caption", { "class": "visually-hidden" }, periodLabel.textContent));
    var head = el("thead"); var row = el("tr");
    /* "lun." on screen; the whole day for screen readers (its name), and in a tooltip for the mouse. */
    labels.days.forEach(function (name, index) {
      var day = labels.longDays[index];
      var heading = el("th", { "scope": "col", "aria-label": day });
      heading.appendChild(el("abbr", { "title": day }, name));
      row.appendChild(heading);
    });
    head.appendChild(row); table.appendChild(head);
    var body = el("tbody");
    for (var day = weekFirst(first); day <= last || weekday(day) !== 0; day = addDays(day, 1)) {
      if (weekday(day) === 0) { row = el("tr"); body.appendChild(row); }
      var key = iso(day);
      var cell = dayNode("td", key, day.getUTCMonth() === first.getUTCMonth() ? "in" : "other");
      /* The weekday is in the column's heading; a phone shows days one under the other, without it. */
      var num = el("span", { "class": "num" });
      num.appendChild(el("span", { "class": "weekday" }, labels.longDays[weekday(day)] + " "));
      num.appendChild(document.createTextNode(String(day.getUTCDate())));
      /* A day of the month before or after is greyed: its month is said to screen readers ("28 December";
         "28 décembre" on a French site). */
      if (day.getUTCMonth() !== first.getUTCMonth()) {
        var month = el("span", { "class": "visually-hidden" }, labels.months[day.getUTCMonth()]);
        if (labels.monthFirst) { month.textContent += " "; num.insertBefore(month, num.lastChild); }
        else { month.textContent = " " + month.textContent; num.appendChild(month); }
      }
      cell.appendChild(num);
      dayNotes(cell, key, iso(first));
      (byDay[key] || []).forEach(function (item) { cell.appendChild(itemNode(item, day)); });
      row.appendChild(cell);
    }
    table.appendChild(body);
    return table;
  }

  function dayNumber(day) {  /* "1er" in French */
    return day.getUTCDate() === 1 && labels.first ? labels.first : String(day.getUTCDate());
  }

  /* "17 January"; "January 17" on a US English site; "1er février" on a French one (French writes the 1st
     "1er"). */
  function dayMonth(day) {
    var month = labels.months[day.getUTCMonth()];
    return labels.monthFirst ? month + " " + day.getUTCDate() : dayNumber(day) + " " + month;
  }

  /* "Wednesday 13 January 2027", "Wednesday, January 13, 2027" (US), "mercredi 13 janvier 2027" (French): the
     day as the agenda's headings write it. */
  function longDate(day) {
    var name = labels.longDays[weekday(day)];
    return labels.monthFirst ? name + ", " + dayMonth(day) + ", " + day.getUTCFullYear()
      : name + " " + dayMonth(day) + " " + day.getUTCFullYear();
  }

  /* The week that starts on `first`, its year once and its month once where both ends share it: on a French
     site, "Semaine du 1er au 7 février 2027", "du 28 février au 6 mars 2027", "du 28 décembre 2026 au
     3 janvier 2027". */
  function weekTitle(first) {
    var last = addDays(first, 6);
    var otherYear = first.getUTCFullYear() !== last.getUTCFullYear();
    var otherMonth = otherYear || first.getUTCMonth() !== last.getUTCMonth();
    if (labels.monthFirst) {  /* "January 17 – 23, 2027", "January 31 – February 6, 2027", "December 27, 2026 – January 2, 2027" */
      return labels.week + " " + dayMonth(first) + (otherYear ? ", " + first.getUTCFullYear() : "") +
        " " + labels.weekTo + " " + (otherMonth ? dayMonth(last) : String(last.getUTCDate())) + ", " + last.getUTCFullYear();
    }
    return labels.week + " " + dayNumber(first) +
      (otherMonth ? " " + labels.months[first.getUTCMonth()] : "") + (otherYear ? " " + first.getUTCFullYear() : "") +
      " " + labels.weekTo + " " + dayNumber(last) + " " + labels.months[last.getUTCMonth()] + " " + last.getUTCFullYear();
  }

  function renderWeek() {
    var first = weekFirst(cursor);
    var last = addDays(first, 6);
    periodLabel.textContent = weekTitle(first);
    var grid = el("div", { "class": "week" });
    eachDay(first, last, function (day) {
      var key = iso(day);
      var title = labels.longDays[weekday(day)] + (labels.monthFirst ? ", " : " ") + dayMonth(day);
      var column = dayNode("section", key, "day");
      column.setAttribute("aria-label", title);
      column.appendChild(el("h3", {}, title));
      dayNotes(column, key, iso(first));
      (byDay[key] || []).forEach(function (item) { column.appendChild(itemNode(item, day)); });
      grid.appendChild(column);
    });
    return grid;
  }

  function render() {
    Object.keys(views).forEach(function (name) { views[name].hidden = name !== view; });
    buttons.forEach(function (button) { button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view)); });
    document.querySelector(".nav").hidden = view === "agenda";
    if (view === "agenda") {
      periodLabel.textContent = labels.agenda;
    } else {
      var target = views[view];
      target.textContent = "";
      openDays = {};
      target.appendChild(view === "month" ? renderMonth() : renderWeek());
      nameSteps();
    }
    applyFilters();
  }

  /* The page holds the months around today (data.held); the months' agenda pages have the others. A period
     all beyond them opens its month's page, or the nearest month's that has one in that direction. */
  var held = data.held || {};
  function beyond(month) { return Boolean((held.first && month < held.first) || (held.last && month > held.last)); }
  function periodBeyond(day) {
    var first = view === "month" ? day : weekFirst(day);
    return beyond(iso(first).slice(0, 7)) && (view === "month" || beyond(iso(addDays(first, 6)).slice(0, 7)));
  }
  function agendaPage(day, step) {
    var month = iso(view === "month" || step < 0 ? day : addDays(weekFirst(day), 6)).slice(0, 7);
    var later = data.pages.filter(function (page) { return page >= month; });
    var earlier = data.pages.filter(function (page) { return page <= month; });
    var page = step < 0 ? earlier[earlier.length - 1] || later[0] : later[0] || earlier[earlier.length - 1];
    /* Another month than the one asked (nothing planned in it): the page says so (?asked=). */
    return page ? "agenda/" + page + ".html" + withFilters(page === month ? "" : "asked=" + month) : null;
  }

  /* The first day of the period `step` periods away from the one shown (-1: the one before). */
  function stepped(step) {
    return view === "month" ? new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + step, 1))
      : addDays(weekFirst(cursor), 7 * step);
  }

  /* "‹" and "›" say which period they open ("Previous month: December 2026"; "Mois précédent : décembre 2026"
     on a French site): "Previous" alone left it to guess. */
  function nameSteps() {
    [[prevButton, -1], [nextButton, 1]].forEach(function (pair) {
      var first = stepped(pair[1]);
      var period = view === "month" ? monthTitle(first) : weekTitle(first);
      if (view === "week") { period = period.charAt(0).toLocaleLowerCase() + period.slice(1); }  /* in lower case within the sentence ("semaine du …" on a French site) */
      var said = labels.steps[view + (pair[1] < 0 ? "Before" : "After")];
      pair[0].setAttribute("aria-label", said.split("{period}").join(period));
    });
  }

  function move(step) {
    var next = stepped(step);
    if (periodBeyond(next) && agendaPage(next, step)) {
      window.location.href = agendaPage(next, step);
      return;
    }
    cursor = next;
    setParam("date", view === "month" ? iso(cursor).slice(0, 7) : iso(cursor));
    render();
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      view = button.getAttribute("data-view");
      /* Kept unless the address implies it: the week chosen from ?date=2027-04 stays the week on reload. */
      setParam("view", view === impliedView() ? "" : view);
      render();
    });
  });
  prevButton.addEventListener("click", function () { move(-1); });
  nextButton.addEventListener("click", function () { move(1); });
  document.getElementById("today").addEventListener("click", function () {
    cursor = today; setParam("date", ""); render();
  });
  // A link to an item (from a month or week tile, or from another page) opens it in the agenda.
  // Items outside the coming weeks are on their month's agenda page.
  var itemMonth = {};
  data.items.forEach(function (item) { itemMonth[item.id] = item.date.slice(0, 7); });
  function monthPage(id) {
    return "agenda/" + itemMonth[id] + ".html" + filterQuery() + "#item-" + id;
  }
  function inPage(id) {
    var target = document.getElementById("item-" + id);
    return Boolean(target && views.agenda.contains(target));
  }
  function showItem(id) {
    if (!inPage(id)) {
      // Reached with #item-<id> (a feed's link, an old bookmark): the month's page
      // takes this page's place, so that Back does not come here to leave again.
      if (itemMonth[id]) { window.location.replace(monthPage(id)); }
      else if (!document.getElementById("item-" + id)) { findItem(id); }  // (an idea is in the backlog)
      return;
    }
    var target = document.getElementById("item-" + id);
    view = "agenda";
    setParam("view", "agenda");
    render();
    openItem(target);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-agenda]");
    if (!link) { return; }
    event.preventDefault();
    var id = link.getAttribute("data-agenda");
    /* Back to this entry gives the focus back to this tile: the keyboard goes on from where it was. */
    try { window.history.replaceState({ tile: id }, ""); } catch (e) { /* file:// in some browsers */ }
    if (!inPage(id)) {
      if (itemMonth[id]) { window.location.href = monthPage(id); }
    } else if (window.location.hash === "#item-" + id) {
      showItem(id);
    } else {
      /* A new entry of this page, which Back leaves for the view and period the tile was in. */
      try {
        window.history.pushState(null, "", "#item-" + id);
      } catch (e) {  // file:// in some browsers
        window.location.hash = "item-" + id;
        return;
      }
      showItem(id);
    }
  });
  /* The page follows its address: an item named in it opens in the agenda; Back and Forward
     between this page's entries (Back after a tile opened its item) bring back the view, its
     period and the filters of the entry, not the agenda the item was shown in. */
  function followAddress() {
    params = new URLSearchParams(window.location.search);
    readFilters();
    keepQuery();
    readView();
    /* A period beyond the months held, named in the address (a bookmark): its agenda page takes its place;
       with an item named too, the item's month's page (below). */
    var named = window.location.hash.indexOf("#item-") === 0;
    if (view !== "agenda" && !named && periodBeyond(cursor) && agendaPage(cursor, cursor < today ? -1 : 1)) {
      window.location.replace(agendaPage(cursor, cursor < today ? -1 : 1));
      return;
    }
    render();
    if (named) {
      showItem(window.location.hash.slice(6));
    } else if (window.history.state && window.history.state.tile && views[view]) {
      var tile = views[view].querySelector('a[data-agenda="' + CSS.escape(window.history.state.tile) + '"]');
      var day = tile && tile.parentNode.classList.contains("folded") && tile.closest("td[data-date]");
      if (day) { openDays[day.getAttribute("data-date")] = true; foldBusyDays(); }
      if (tile) { tile.focus(); }
    }
  }
  /* A move between entries fires popstate, and hashchange too when only the hash differs: the
     second time changes nothing, but gives the opened item back the focus that a move to a new
     hash takes away after popstate. */
  window.addEventListener("popstate", followAddress);
  window.addEventListener("hashchange", followAddress);
  document.documentElement.classList.add("js");
  followAddress();
}());
