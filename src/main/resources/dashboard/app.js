// SwiftBolt dashboard: plain JavaScript over the JSON API (/api/v1). Every value from the server is
// rendered with textContent, never as HTML.
"use strict";

// The token lives in sessionStorage: it survives a reload of this tab but not its closing, is not
// shared with other tabs and is never written to localStorage, where it would outlive the session.
const TOKEN_KEY = "swiftbolt.token";
const TIMEFRAMES = ["M15", "H1", "H4", "D1", "W1"];
const JOB_POLL_MS = 2000;
const SEARCH_DEBOUNCE_MS = 200;
const SEARCH_LIMIT = 8;
const COLORS = { up: "#16a34a", down: "#dc2626", flat: "#6b7280" };

const state = { token: null, auth: null, session: null, refreshTimer: null, selected: null, timeframe: "D1", chart: null, historyChart: null,
  pollTimer: null, search: { timer: null, sequence: 0, matches: [], active: -1 } };

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function show(id, visible) { $(id).hidden = !visible; }

function percent(x, digits = 1) {
  return x === null || x === undefined ? "—" : (x * 100).toFixed(digits) + " %";
}

function dateTime(iso) {
  if (!iso) return "—";
  const d = new Date(iso);
  return d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

function tokenSubject(token) {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload)).sub || "?";
  } catch (e) {
    return "?";
  }
}

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || "HTTP " + status);
    this.status = status;
    this.code = body && body.error;
  }
}

async function api(path, options = {}) {
  const headers = Object.assign({ Accept: "application/json" }, options.headers || {});
  if (state.token) headers.Authorization = "Bearer " + state.token;
  if (options.body) headers["Content-Type"] = "application/json";
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const body = await response.json().catch(() => null);
  if (response.status === 401 && path !== "/api/v1/watchlist") {
    signOut("Your session ended: " + ((body && body.message) || "token refused"));
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

// ---- sign-in -------------------------------------------------------------------------------

async function signIn(token, how = { remember: true, errorBox: "sign-in-error" }) {
  state.token = token.trim();
  try {
    await api("/api/v1/watchlist");
  } catch (e) {
    state.token = null;
    $(how.errorBox).textContent = "Sign-in failed: " + e.message;
    show(how.errorBox, true);
    return;
  }
  if (how.remember) sessionStorage.setItem(TOKEN_KEY, state.token);
  show(how.errorBox, false);
  show("sign-in", false);
  show("sign-in-supabase", false);
  show("app", true);
  $("who").textContent = "Signed in as " + (how.who || tokenSubject(state.token));
  show("who", true);
  show("sign-out", true);
  await loadWatchlist();
  refreshJobs();
  if (typeof bell !== "undefined") bell.start();
}

// ---- sign-in with Supabase Auth (SUPABASE_URL and SUPABASE_ANON_KEY on the server) ---------
// The session lives in memory only: the access token for the API, the refresh token to renew it
// REFRESH_MARGIN_S before it expires.

const REFRESH_MARGIN_S = 60;

async function authRequest(grant, body) {
  const auth = state.auth;
  const response = await fetch(auth.supabase_url + "/auth/v1/token?grant_type=" + grant, {
    method: "POST",
    headers: { apikey: auth.anon_key, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok || !answer || !answer.access_token) {
    const reason = answer && (answer.error_description || answer.msg || answer.message || answer.error);
    throw new Error(reason || "HTTP " + response.status);
  }
  return answer;
}

function scheduleRefresh(session) {
  clearTimeout(state.refreshTimer);
  const lifetime = Number(session.expires_in) || 3600;
  const delay = Math.max(5, lifetime - REFRESH_MARGIN_S) * 1000;
  state.refreshTimer = setTimeout(refreshSession, delay);
}

async function refreshSession() {
  if (!state.session) return;
  try {
    const session = await authRequest("refresh_token", { refresh_token: state.session.refresh_token });
    state.session = session;
    state.token = session.access_token;
    scheduleRefresh(session);
  } catch (e) {
    signOut("Your session ended: " + e.message);
  }
}

async function signInWithPassword(email, password) {
  show("supabase-error", false);
  let session;
  try {
    session = await authRequest("password", { email: email, password: password });
  } catch (e) {
    $("supabase-error").textContent = "Sign-in failed: " + e.message;
    show("supabase-error", true);
    return;
  }
  state.session = session;
  scheduleRefresh(session);
  await signIn(session.access_token, { remember: false, errorBox: "supabase-error",
    who: (session.user && session.user.email) || tokenSubject(session.access_token) });
}

function showSignIn() {
  const mode = state.auth ? state.auth.mode : "development";
  show("sign-in", mode === "development");
  show("sign-in-supabase", mode === "supabase");
  show("sign-in-unconfigured", mode === "unconfigured");
  if (mode === "unconfigured") $("sign-in-problem").textContent = state.auth.message || "";
}

function signOut(reason) {
  sessionStorage.removeItem(TOKEN_KEY);
  clearTimeout(state.refreshTimer);
  state.session = null;
  state.token = null;
  state.selected = null;
  clearTimeout(state.pollTimer);
  if (typeof bell !== "undefined") bell.stop();
  show("app", false);
  show("who", false);
  show("sign-out", false);
  showSignIn();
  if (reason) {
    const box = state.auth && state.auth.mode === "supabase" ? "supabase-error" : "sign-in-error";
    $(box).textContent = reason;
    show(box, true);
  }
}

// ---- watchlist and jobs --------------------------------------------------------------------

// ---- the add box: search as you type (debounced), arrow keys, Enter, Escape ----------------

function onSearchInput() {
  clearTimeout(state.search.timer);
  const query = $("add-symbol").value.trim();
  if (!query) return closeSuggestions();
  state.search.timer = setTimeout(() => searchSymbols(query), SEARCH_DEBOUNCE_MS);
}

async function searchSymbols(query) {
  const sequence = ++state.search.sequence;
  let matches;
  try {
    matches = await api("/api/v1/symbols?query=" + encodeURIComponent(query) + "&limit=" + SEARCH_LIMIT);
  } catch (e) {
    matches = [];
  }
  if (sequence !== state.search.sequence || $("add-symbol").value.trim() !== query) return;
  renderSuggestions(matches);
}

function renderSuggestions(matches) {
  state.search.matches = matches;
  state.search.active = -1;
  const list = $("add-suggestions");
  if (matches.length === 0) {
    list.replaceChildren(el("li", "No registered symbol matches. Press Enter to add the ticker as typed.", "none"));
  } else {
    list.replaceChildren(...matches.map((m, i) => {
      const item = el("li", null, m.active ? "" : "inactive");
      item.id = "suggestion-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.symbol = m.symbol;
      item.append(el("span", m.symbol, "sym"), el("span", m.name, "name"),
        el("span", m.exchange + (m.active ? "" : " · inactive"), "exchange"));
      item.addEventListener("mousedown", (event) => {
        event.preventDefault();
        chooseSuggestion(i);
      });
      return item;
    }));
  }
  list.hidden = false;
  $("add-symbol").setAttribute("aria-expanded", "true");
}

function closeSuggestions() {
  clearTimeout(state.search.timer);
  state.search.sequence++;
  state.search.matches = [];
  state.search.active = -1;
  $("add-suggestions").hidden = true;
  $("add-symbol").setAttribute("aria-expanded", "false");
  $("add-symbol").removeAttribute("aria-activedescendant");
}

function moveActive(step) {
  const count = state.search.matches.length;
  if (count === 0) return;
  state.search.active = (state.search.active + step + count) % count;
  const items = $("add-suggestions").children;
  for (let i = 0; i < items.length; i++) {
    items[i].setAttribute("aria-selected", String(i === state.search.active));
  }
  const active = items[state.search.active];
  active.scrollIntoView({ block: "nearest" });
  $("add-symbol").setAttribute("aria-activedescendant", active.id);
}

function chooseSuggestion(index) {
  const match = state.search.matches[index];
  closeSuggestions();
  if (match) addSymbol(match.symbol);
}

function onSearchKey(event) {
  const open = !$("add-suggestions").hidden;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    if (!open) return;
    event.preventDefault();
    moveActive(event.key === "ArrowDown" ? 1 : -1);
  } else if (event.key === "Enter" && open && state.search.active >= 0) {
    event.preventDefault();
    chooseSuggestion(state.search.active);
  } else if (event.key === "Escape" && open) {
    event.preventDefault();
    closeSuggestions();
  }
}

async function loadWatchlist() {
  const body = await api("/api/v1/watchlist");
  const list = $("watchlist");
  list.replaceChildren(...body.symbols.map(watchlistItem));
  show("watchlist-empty", body.symbols.length === 0);
  const symbols = body.symbols.map((s) => s.symbol);
  if (state.selected && !symbols.includes(state.selected)) state.selected = null;
  if (!state.selected && symbols.length > 0) selectSymbol(symbols[0]);
  if (symbols.length === 0) {
    show("detail-body", false);
    show("detail-empty", true);
  }
  markSelected();
}

function watchlistItem(entry) {
  const item = el("li");
  item.dataset.symbol = entry.symbol;
  item.append(el("span", entry.symbol, "sym"), el("span", entry.name, "name"));
  const remove = el("button", "Remove", "secondary");
  remove.type = "button";
  remove.setAttribute("aria-label", "Remove " + entry.symbol);
  remove.addEventListener("click", async (event) => {
    event.stopPropagation();
    try {
      const answer = await api("/api/v1/watchlist/" + encodeURIComponent(entry.symbol), { method: "DELETE" });
      notice(answer.message);
    } catch (e) {
      notice(e.message);
    }
    await loadWatchlist();
    refreshJobs();
  });
  item.append(remove);
  item.addEventListener("click", () => selectSymbol(entry.symbol));
  return item;
}

function markSelected() {
  for (const item of $("watchlist").children) {
    item.classList.toggle("selected", item.dataset.symbol === state.selected);
  }
}

function notice(text) {
  $("add-message").textContent = text;
  show("add-message", true);
}

async function addSymbol(symbol) {
  try {
    const answer = await api("/api/v1/watchlist", { method: "POST", body: JSON.stringify({ symbol }) });
    notice(answer.message);
    renderJobs(answer.jobs);
    $("add-symbol").value = "";
    state.selected = answer.symbol;
    await loadWatchlist();
    selectSymbol(answer.symbol);
  } catch (e) {
    notice(e.message);
  }
  schedulePoll(0);
}

function renderJobs(jobs) {
  const rows = jobs.map((job) => {
    const row = el("tr");
    row.dataset.status = job.status;
    const what = job.job_type + (job.timeframe ? " " + job.timeframe : "");
    const status = el("span", job.status, "status " + job.status);
    if (job.last_error) status.title = job.last_error;
    const statusCell = el("td");
    statusCell.append(status);
    row.append(el("td", what), el("td", job.symbol || "—"), statusCell,
      el("td", job.attempts + "/" + job.max_attempts, "num"));
    return row;
  });
  $("jobs").tBodies[0].replaceChildren(...rows);
  show("jobs-empty", jobs.length === 0);
  return jobs.some((job) => job.status === "queued" || job.status === "running");
}

async function refreshJobs() {
  if (!state.token) return;
  let active = false;
  try {
    active = renderJobs((await api("/api/v1/jobs?limit=20")).jobs);
  } catch (e) {
    $("jobs-empty").textContent = "Job progress unavailable: " + e.message;
    show("jobs-empty", true);
  }
  schedulePoll(active ? JOB_POLL_MS : JOB_POLL_MS * 5);
}

function schedulePoll(delay) {
  clearTimeout(state.pollTimer);
  state.pollTimer = setTimeout(refreshJobs, delay);
}

// ---- one symbol ----------------------------------------------------------------------------

function selectSymbol(symbol) {
  state.selected = symbol;
  markSelected();
  show("detail-empty", false);
  show("detail-body", true);
  $("detail-symbol").textContent = symbol;
  renderTabs();
  loadChart();
  loadPrediction();
  loadHistory();
  loadReliability();
}

function renderTabs() {
  $("timeframes").replaceChildren(...TIMEFRAMES.map((tf) => {
    const tab = el("button", tf);
    tab.type = "button";
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-selected", String(tf === state.timeframe));
    tab.addEventListener("click", () => {
      state.timeframe = tf;
      renderTabs();
      loadChart();
    });
    return tab;
  }));
}

async function optional(path) {
  try {
    return await api(path);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

async function loadChart() {
  const symbol = state.selected;
  const tf = state.timeframe;
  const base = "/api/v1/symbols/" + encodeURIComponent(symbol);
  let bars = null;
  let forecasts = null;
  try {
    [bars, forecasts] = await Promise.all([
      optional(base + "/bars?timeframe=" + tf),
      optional(base + "/forecasts?timeframe=" + tf),
    ]);
  } catch (e) {
    return chartEmpty("Chart unavailable: " + e.message);
  }
  if (symbol !== state.selected || tf !== state.timeframe) return;
  show("simulated-banner", Boolean(bars && bars.simulated));
  if (!bars || bars.bars.length === 0) {
    return chartEmpty("No " + tf + " bars for " + symbol + " yet — the backfill job loads them.");
  }
  show("chart-empty", false);
  $("chart").parentElement.hidden = false;
  drawChart(bars.bars, forecasts ? forecasts.forecasts : []);
}

function chartEmpty(text) {
  if (state.chart) {
    state.chart.destroy();
    state.chart = null;
  }
  $("chart-empty").textContent = text;
  show("chart-empty", true);
  $("chart").parentElement.hidden = true;
}

function drawChart(bars, forecasts) {
  const labels = bars.map((b) => b.ts.replace("T", " ").slice(0, state.timeframe === "D1" || state.timeframe === "W1" ? 10 : 16));
  const color = bars.map((b) => (b.close >= b.open ? COLORS.up : COLORS.down));
  const index = new Map(bars.map((b, i) => [Date.parse(b.ts), i]));
  const markers = new Array(bars.length).fill(null);
  const markerStyle = new Array(bars.length).fill("circle");
  const markerColor = new Array(bars.length).fill(COLORS.flat);
  const markerRotation = new Array(bars.length).fill(0);
  for (const f of forecasts) {
    const i = index.get(Date.parse(f.bar_ts));
    if (i === undefined) continue;
    const span = bars[i].high - bars[i].low || bars[i].close * 0.01;
    const bullish = f.direction === "BULLISH";
    const bearish = f.direction === "BEARISH";
    markers[i] = bullish ? bars[i].low - span * 0.4 : bearish ? bars[i].high + span * 0.4 : bars[i].close;
    markerStyle[i] = bullish || bearish ? "triangle" : "circle";
    markerRotation[i] = bearish ? 180 : 0;
    markerColor[i] = bullish ? COLORS.up : bearish ? COLORS.down : COLORS.flat;
  }
  const data = {
    labels,
    datasets: [
      { type: "bar", label: "high–low", data: bars.map((b) => [b.low, b.high]), backgroundColor: color,
        barThickness: 1.5, grouped: false, order: 2 },
      { type: "bar", label: "open–close", data: bars.map((b) => [Math.min(b.open, b.close), Math.max(b.open, b.close)]),
        backgroundColor: color, barPercentage: 0.7, categoryPercentage: 0.9, grouped: false, order: 1,
        minBarLength: 1 },
      { type: "line", label: "forecast", data: markers, showLine: false, pointStyle: markerStyle,
        pointRotation: markerRotation, pointRadius: 6, pointBackgroundColor: markerColor,
        pointBorderColor: markerColor, order: 0 },
    ],
  };
  const options = {
    animation: false, maintainAspectRatio: false, responsive: true,
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: (ctx) => {
            const b = bars[ctx.dataIndex];
            if (ctx.datasetIndex === 2) {
              const f = forecasts.find((x) => Date.parse(x.bar_ts) === Date.parse(b.ts));
              return f ? "forecast " + f.direction + " score " + Number(f.score).toFixed(2) : "";
            }
            return ctx.datasetIndex === 1 ? "O " + b.open + " H " + b.high + " L " + b.low + " C " + b.close : null;
          },
        },
      },
    },
    scales: { x: { ticks: { maxTicksLimit: 10, autoSkip: true } }, y: { beginAtZero: false } },
  };
  if (state.chart) state.chart.destroy();
  state.chart = new Chart($("chart"), { data, options });
}

async function loadPrediction() {
  const symbol = state.selected;
  let p;
  try {
    p = await optional("/api/v1/symbols/" + encodeURIComponent(symbol) + "/prediction");
  } catch (e) {
    $("prediction-empty").textContent = "Prediction unavailable: " + e.message;
    show("prediction-empty", true);
    show("prediction-body", false);
    return;
  }
  if (symbol !== state.selected) return;
  show("prediction-empty", !p);
  show("prediction-body", Boolean(p));
  if (p) renderPrediction(p);
}

function renderPrediction(p) {
  $("unified-confidence").textContent = percent(p.unified_confidence);
  $("direction").textContent = p.direction;
  $("direction").className = "pill " + p.direction;
  $("recommendation").textContent = p.recommendation;
  $("base-confidence").textContent = percent(p.base_confidence);
  $("as-of").textContent = dateTime(p.timestamp);
  $("came-true").textContent = cameTrue(p);

  const overfit = p.overfit_suspected;
  $("overfit-warning").textContent = "Overfitting suspected: " + p.overfit_explanation;
  show("overfit-warning", Boolean(overfit));

  const measures = [
    ["Backtest (3-month holdout)", "backtesting", 0.40],
    ["Walk-forward", "walkforward", 0.35],
    [p.live_score_source === "walkforward_proxy"
      ? "Live (walk-forward stands in: fewer than 10 resolved)"
      : "Live (last 30 resolved)", "live", 0.25],
  ];
  $("breakdown").tBodies[0].replaceChildren(...measures.map(([name, key, weight]) => {
    const low = p[key + "_ci_low"];
    const high = p[key + "_ci_high"];
    const interval = low === null || low === undefined ? "—" : percent(low) + " – " + percent(high);
    const row = el("tr");
    row.append(el("td", name), el("td", percent(p[key + "_score"]), "num"),
      el("td", p[key + "_n"] ?? "—", "num"), el("td", interval, "num"),
      baselineCell(p, key), el("td", percent(weight, 0), "num"));
    return row;
  }));

  facts("drift", [
    ["Magnitude", percent(p.drift_magnitude)],
    ["Detected", p.drift_detected ? "yes" : "no"],
    ["Direction", p.drift_direction === "better" ? "live above backtest"
      : p.drift_direction === "worse" ? "live below backtest" : "—"],
    ["Explanation", p.drift_direction === "better" ? "Live above backtest" : p.drift_explanation],
    ["Feature drift (PSI)", featureDriftText(p)],
    ["Significance", p.drift_significant === null || p.drift_significant === undefined
      ? "not tested (sample sizes unknown)"
      : (p.drift_significant ? "significant" : "not significant") + " (p = " + Number(p.drift_p_value).toFixed(3) + ")"],
    ["Persistent drift days", p.persistent_drift_days],
  ]);
  facts("retraining", [
    ["Status", p.retraining_trigger ? "due" : "not due"],
    ["Reason", p.retraining_reason],
    ["Last retrained", dateTime(p.last_retraining_date)],
    ["Next retraining", dateTime(p.next_retraining_date)],
    ["Overfit check", p.overfit_explanation],
  ]);

  $("consensus").textContent = "Consensus " + p.consensus_direction + " — " + p.conflict_explanation
    + (p.timeframe_conflict ? " (conflict)" : "");
  const scores = p.multi_tf_consensus || {};
  const weights = p.hierarchy_weights || {};
  const forecasters = p.timeframe_forecasters || {};
  const present = TIMEFRAMES.filter((tf) => tf in scores);
  $("timeframe-table").tBodies[0].replaceChildren(...present.map((tf) => {
    const s = scores[tf];
    const dir = s > 0.3 ? "BULLISH" : s < -0.3 ? "BEARISH" : "NEUTRAL";
    const row = el("tr");
    const dirCell = el("td");
    dirCell.append(el("span", dir, "pill " + dir));
    row.append(el("td", tf), el("td", (s >= 0 ? "+" : "") + s.toFixed(2), "num"), dirCell,
      el("td", weights[tf] === undefined ? "—" : weights[tf].toFixed(2), "num"),
      el("td", forecasters[tf] ? forecasters[tf].explanation : "—"));
    return row;
  }));
  show("timeframes-empty", present.length === 0);
  const missing = p.missing_timeframes || [];
  $("missing-timeframes").replaceChildren(...missing.map((m) => el("li", m.timeframe + " missing: " + m.reason)));
  show("missing-timeframes", missing.length > 0);
}

/**
 * The cell of the naive bar a score is read against, named: "41.2 % persistence", "33.3 % chance";
 * its title lists each naive predictor's accuracy. "—" when the scores came from outside.
 */
function baselineCell(p, key) {
  const accuracy = p[key + "_baseline_accuracy"];
  if (accuracy === null || accuracy === undefined) return el("td", "—", "num");
  const cell = el("td", percent(accuracy) + " " + p[key + "_baseline_name"], "num");
  const each = Object.entries(p[key + "_baselines"] || {})
    .map(([name, value]) => name + " " + percent(value)).join(", ");
  cell.title = "strongest of " + each + " and chance 33.3 %";
  return cell;
}

// "came true 41 % of the time at this confidence (n = 312; chance 33 %)", or why not yet.
function cameTrue(p) {
  if (p.probability_correct === null || p.probability_correct === undefined) {
    return p.probability_correct_reason ? "came true: not known yet (" + p.probability_correct_reason + ")" : "";
  }
  return "came true " + percent(p.probability_correct, 0) + " of the time at this confidence (n = " +
    p.probability_correct_n + "; chance 33 %)";
}

function featureDriftText(p) {
  const top = p.feature_drift_top;
  if (!top || top.length === 0) return "—";
  return top.map((f) => f.feature + " " + Number(f.psi).toFixed(2)).join(", ") +
    " (window " + p.feature_drift.window + " bars; ≥ 0.25 major)";
}

async function loadReliability() {
  const symbol = state.selected;
  let r;
  try {
    r = await api("/api/v1/reliability?symbol=" + encodeURIComponent(symbol) + "&source=all");
  } catch (e) {
    r = null;
    $("reliability-empty").textContent = "Reliability unavailable: " + e.message;
  }
  if (symbol !== state.selected) return;
  const some = Boolean(r && r.predictions > 0);
  show("reliability-empty", !some);
  show("reliability-body", some);
  if (!some) return;
  const ece = (v) => (v === null || v === undefined ? "–" : Number(v).toFixed(3));
  $("reliability-ece").textContent = r.predictions + " resolved predictions · expected calibration error of " +
    "unified confidence read as a probability " + ece(r.ece_unified_confidence) +
    " vs probability_correct " + ece(r.ece_probability_correct) + " (" + r.with_probability_correct + " with one)";
  $("reliability-table").tBodies[0].replaceChildren(...r.buckets.map((b) => {
    const row = el("tr");
    row.append(
      el("td", percent(b.confidence_from, 0) + " – " + percent(b.confidence_to, 0)),
      el("td", String(b.predictions), "num"),
      el("td", String(b.came_true), "num"),
      el("td", percent(b.hit_rate), "num"),
      el("td", percent(b.ci_low) + " – " + percent(b.ci_high), "num"));
    return row;
  }));
}

function facts(id, pairs) {
  $(id).replaceChildren(...pairs.flatMap(([k, v]) => [el("dt", k), el("dd", v)]));
}

// ---- start ---------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    signIn($("token").value);
  });
  $("sign-out").addEventListener("click", () => signOut());
  $("add-form").addEventListener("submit", (event) => {
    event.preventDefault();
    closeSuggestions();
    addSymbol($("add-symbol").value.trim());
  });
  $("add-symbol").addEventListener("input", onSearchInput);
  $("add-symbol").addEventListener("keydown", onSearchKey);
  $("add-symbol").addEventListener("blur", () => setTimeout(closeSuggestions, 150));
  $("supabase-form").addEventListener("submit", (event) => {
    event.preventDefault();
    signInWithPassword($("email").value.trim(), $("password").value);
  });
  start();
});

async function start() {
  try {
    const response = await fetch("/api/v1/auth/config", { headers: { Accept: "application/json" } });
    state.auth = response.ok ? await response.json() : { mode: "development" };
  } catch (e) {
    state.auth = { mode: "development" };
  }
  localStorage.removeItem(TOKEN_KEY); // left there by versions before 0.3
  const saved = state.auth.mode === "development" ? sessionStorage.getItem(TOKEN_KEY) : null;
  if (saved) {
    // already stored: not written again, so a sign-out or a cleared storage meanwhile wins
    signIn(saved, { remember: false, errorBox: "sign-in-error" });
  } else {
    showSignIn();
  }
}

// ---- replay history --------------------------------------------------------------------------

async function loadHistory() {
  const symbol = state.selected;
  let h;
  try {
    h = await optional("/api/v1/symbols/" + encodeURIComponent(symbol) + "/history?run=latest");
  } catch (e) {
    h = null;
    $("history-empty").textContent = "Replay history unavailable: " + e.message;
  }
  if (symbol !== state.selected) return;
  show("history-empty", !h);
  show("history-body", Boolean(h));
  if (state.historyChart) {
    state.historyChart.destroy();
    state.historyChart = null;
  }
  if (h) renderHistory(h);
}

function renderHistory(h) {
  const s = h.summary;
  const live = s.live.accuracy === null ? "–" : percent(s.live.accuracy);
  const baseline = s.live.baseline_accuracy === null ? "–" : percent(s.live.baseline_accuracy);
  const promised = s.promised.backtest === null ? "–" : percent(s.promised.backtest);
  $("history-summary").textContent =
    h.run.from + " to " + h.run.to + " (run " + h.run.id + "): live " + live + " of " + s.resolved +
    " resolved vs baseline " + baseline + " vs promised backtest " + promised + " · drift on " +
    s.drift_days + " sessions · " + s.retrains + " retrains";
  const days = h.days;
  const base = s.live.baseline_accuracy;
  const data = {
    labels: days.map((d) => d.session),
    datasets: [
      { label: "unified confidence", data: days.map((d) => d.unified_confidence), borderColor: "#2563eb", pointRadius: 0 },
      { label: "live accuracy", data: days.map((d) => d.live_accuracy), borderColor: "#16a34a", pointRadius: 0 },
      { label: "baseline", data: days.map(() => base), borderColor: "#6b7280", borderDash: [6, 4], pointRadius: 0 },
      { label: "drift magnitude", data: days.map((d) => d.drift_magnitude), borderColor: "#dc2626", pointRadius: 0 },
      { label: "retrained", data: days.map((d) => (d.retrained ? d.unified_confidence : null)), showLine: false,
        pointStyle: "triangle", pointRadius: 6, pointBackgroundColor: "#9333ea", borderColor: "#9333ea" },
    ],
  };
  const options = {
    animation: false, maintainAspectRatio: false, responsive: true,
    plugins: { legend: { display: true, position: "bottom" } },
    scales: { x: { ticks: { maxTicksLimit: 8, autoSkip: true } }, y: { min: 0, suggestedMax: 1 } },
  };
  state.historyChart = new Chart($("history-chart"), { type: "line", data, options });
  $("reliability").querySelector("tbody").replaceChildren(...s.reliability.map((b) => {
    const row = el("tr");
    row.append(
      el("td", percent(b.confidence_from, 0) + " – " + percent(b.confidence_to, 0)),
      el("td", String(b.n), "num"),
      el("td", percent(b.hit_rate), "num"));
    return row;
  }));
}
