// Station History Replay: the live page. Plain ES2020, no dependencies.
// Data: GET /api/state, /api/replay, /api/series, /api/timeline on load, then the SSE stream /api/stream
// (events `state`, `replay`, `reset`). Contract: docs/dashboard-api.md.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const DAY = 86400000;
  const MAX_TIMELINE = 300;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // ?replay=NAME (or the older ?station=) on the page is passed on to every API call (the API defaults to ISS).
  const PAGE_QUERY = new URLSearchParams(location.search);
  const STATION = PAGE_QUERY.get('replay') || PAGE_QUERY.get('station');
  function api(path, params = {}) {
    const q = new URLSearchParams();
    if (STATION) q.set('replay', STATION);
    for (const [k, v] of Object.entries(params)) if (v != null) q.set(k, v);
    const qs = q.toString();
    return qs ? `${path}?${qs}` : path;
  }

  // ---------------------------------------------------------------- formatting
  const toMs = (s) => {
    if (s == null || s === '') return null;
    const t = typeof s === 'number' ? s : Date.parse(s);
    return Number.isFinite(t) ? t : null;
  };
  const pad2 = (n) => String(n).padStart(2, '0');
  function fmtDate(ms) {
    if (ms == null) return '–';
    const d = new Date(ms);
    return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  }
  function fmtTime(ms) {
    if (ms == null) return '';
    const d = new Date(ms);
    return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`;
  }
  const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
  const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const text = (v) => (v == null ? '–' : String(v));

  const SPEED_UNITS = [
    ['year', 31557600], ['month', 2629800], ['week', 604800], ['day', 86400],
    ['hour', 3600], ['minute', 60], ['second', 1],
  ];
  function fmtSpeed(speed) {
    if (speed == null || speed === '') return '–';
    if (String(speed).toLowerCase() === 'max') return 'max';
    const v = Number(speed);
    if (!Number.isFinite(v) || v <= 0) return String(speed);
    if (Math.abs(v - 1) < 1e-9) return 'real time';
    for (const [unit, secs] of SPEED_UNITS) {
      if (v >= secs * 0.99) {
        const n = v / secs;
        const r = Math.round(n);
        const shown = Math.abs(n - r) <= 0.02 * n ? String(r) : n.toFixed(1).replace(/\.0$/, '');
        return `${shown} ${unit}${shown === '1' ? '' : 's'} / s`;
      }
    }
    return `${v} s / s`;
  }
  function fmtLag(ms) {
    const v = num(typeof ms === 'string' ? Number(ms) : ms);
    if (v == null) return '–';
    if (v < 10) return `${v.toFixed(1)} ms`;
    if (v < 1000) return `${Math.round(v)} ms`;
    if (v < 60000) return `${(v / 1000).toFixed(1)} s`;
    return `${Math.round(v / 1000)} s`;
  }
  // The fold's lag in simulated time: the state moves day by day between events (a clock tick at each simulated
  // midnight), so under a day is as close as it gets; the exact figure is in the title.
  const DAY_MS = 86400000;
  function fmtFoldLag(ms) {
    if (ms == null) return '–';
    if (ms < DAY_MS) return '< 1 d';
    const days = ms / DAY_MS;
    if (days < 365.25) return `${Math.floor(days)} d`;
    return `${(days / 365.25).toFixed(1)} y`;
  }
  /** simulatedTime (replay status) minus asOf (state), never negative: the status comes every 250 ms. */
  function foldLagMs(state, status) {
    const asOf = toMs(state?.asOf);
    const clock = toMs(status?.simulatedTime);
    return asOf == null || clock == null ? null : Math.max(0, clock - asOf);
  }
  const TYPE_LABELS = {
    VehicleArrived: 'Arrival', VehicleDeparted: 'Departure', VehicleRelocated: 'Port change', CrewArrived: 'Crew aboard',
    CrewDeparted: 'Crew left', ExpeditionStarted: 'Expedition', ElementAttached: 'Assembly',
    ElementRelocated: 'Relocation', ElementDetached: 'Detached', SpacewalkPerformed: 'Spacewalk',
    MilestoneReached: '★ Milestone', ReplayStarted: 'Replay',
  };
  const VEHICLE_TYPES = {
    SHUTTLE: 'Shuttle', SOYUZ: 'Soyuz', PROGRESS: 'Progress', ATV: 'ATV', HTV: 'HTV', DRAGON: 'Dragon',
    CREW_DRAGON: 'Crew Dragon', CYGNUS: 'Cygnus', MPLM: 'MPLM', OTHER: 'Other',
  };
  const cssToken = (s) => String(s ?? '').replace(/[^A-Za-z0-9_-]/g, '');
  // "2009-07-20-spacewalk-wolf-marshburn" -> "Spacewalk wolf marshburn" (when the server sends no summary)
  function humanizeId(id) {
    const s = String(id ?? '').replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/-/g, ' ').trim();
    return s ? s[0].toUpperCase() + s.slice(1) : '(event)';
  }

  function el(tag, cls, content) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content != null) e.textContent = content;
    return e;
  }
  function badge(agency) {
    const a = agency || '?';
    return el('span', `badge ag-${cssToken(a)}`, a);
  }
  function setText(e, v) {
    const s = String(v);
    if (e.textContent !== s) e.textContent = s;
  }

  async function getJSON(url, { timeout = 8000 } = {}) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeout);
    try {
      const r = await fetch(url, { cache: 'no-store', signal: ctl.signal, headers: { Accept: 'application/json' } });
      let body = null;
      try { body = await r.json(); } catch (_) { /* empty or not JSON */ }
      return { status: r.status, ok: r.ok, body };
    } catch (e) {
      return { status: 0, ok: false, body: null, error: e };
    } finally {
      clearTimeout(timer);
    }
  }

  // ---------------------------------------------------------------- test hooks
  const feed = { stateIds: [], eventsApplied: [], reconnects: 0 };
  window.stationFeed = feed;

  // ---------------------------------------------------------------- live model
  const live = {
    state: null, // latest state document
    status: null, // latest replay status
    sseState: false, // a state came over SSE (then the GET /api/state answer is stale)
    sseReplay: false,
    lastId: null, // id of the last `state` event
    sseAsOf: null, // asOf of the last `state` event
    prevEventKey: undefined, // lastEvent.id of the previous state (same id again = clock tick)
    milestoneKey: undefined,
    modulesSeen: null, // names of the modules rendered last time (null: nothing rendered yet)
    vehiclesSeen: null,
    crewSig: '',
    vehicleSig: '',
  };

  function liveTimeMs() {
    const a = toMs(live.state?.asOf);
    const b = toMs(live.status?.simulatedTime);
    if (a == null) return b;
    if (b == null) return a;
    return Math.max(a, b);
  }

  function applyLiveState(s, fromSse) {
    if (!s || typeof s !== 'object') return;
    live.state = s;
    if (fromSse) live.sseState = true;

    // Timeline: one entry per new event; a repeated lastEvent id is a clock tick.
    const ev = s.lastEvent && typeof s.lastEvent === 'object' ? s.lastEvent : null;
    const key = ev?.id ?? s.lastEventId ?? null;
    if (key != null && key !== live.prevEventKey) {
      const ms = s.lastMilestone;
      const isMilestone = ev ? ev.type === 'MilestoneReached' : (ms && ms.eventId === key);
      queueTimeline({
        id: key,
        type: ev?.type ?? (isMilestone ? 'MilestoneReached' : ''),
        time: toMs(ev?.time ?? s.lastEventTime ?? s.asOf),
        summary: ev?.summary || (isMilestone && ms?.title) || humanizeId(key),
        milestone: !!isMilestone,
        title: isMilestone ? (ms?.title ?? ev?.summary ?? '') : null,
        caption: isMilestone ? (ms && (ms.eventId == null || ms.eventId === key) ? ms.caption : '') : null,
      });
    }
    if (key != null) live.prevEventKey = key;
    const applied = num(s.eventsApplied);
    if (applied != null && live.prevApplied != null && applied > live.prevApplied + 1) scheduleTimelineLoad(800);
    if (applied != null) live.prevApplied = applied;

    // Charts: one point per state.
    const t = toMs(s.asOf);
    if (t != null) {
      addPoint({ t, people: num(s.peopleAboard) ?? 0, modules: num(s.moduleCount) ?? (s.modules?.length ?? 0) });
    }
    scheduleRender();
  }

  function applyStatus(st) {
    if (!st || typeof st !== 'object') return;
    live.status = st;
    syncControls(st);
    scheduleRender();
  }

  function resetLive() {
    timeline.pending = [];
    timeline.ids = new Set();
    $('timeline').replaceChildren();
    live.prevEventKey = undefined;
    live.prevApplied = undefined;
    scheduleTimelineLoad(600); // a seek back bursts the events before its date: the log has them all
    resetSeries();
    scheduleRender();
  }

  // ---------------------------------------------------------------- render scheduling
  // Many states a second at "max": render at most once a frame (and still in a background tab).
  let renderPending = false;
  function scheduleRender() {
    if (renderPending) return;
    renderPending = true;
    const run = () => {
      if (!renderPending) return;
      renderPending = false;
      render();
    };
    requestAnimationFrame(run);
    setTimeout(run, 120);
  }

  function render() {
    renderHeader();
    renderState();
    flushTimeline();
    updateTravelRange();
  }

  function renderHeader() {
    const s = live.state;
    const st = live.status;
    const asOf = toMs(s?.asOf) ?? toMs(st?.simulatedTime);
    if (asOf != null) {
      setText($('sim-date'), fmtDate(asOf));
      setText($('sim-time'), fmtTime(asOf));
    }

    setText($('speed'), fmtSpeed(st?.speed));
    const state = st?.state ? String(st.state).toUpperCase() : null;
    setText($('replay-state'), state ?? '–');
    $('replay-state').dataset.state = state ?? 'UNKNOWN';
    $('replay-state').title = st ? (st.reason ?? '') : 'no replay has reported yet';
    const failure = state === 'FAILED' ? `The replay failed: ${st.reason ?? 'no reason given'}. The demo resumes it `
      + 'from the log; if it cannot, it stops and says so.' : '';
    setText($('replay-failure'), failure);
    $('replay-failure').hidden = !failure;
    setText($('replay-lag'), fmtLag(st?.lagMillis));
    const foldLag = foldLagMs(s, st);
    setText($('fold-lag'), fmtFoldLag(foldLag));
    $('fold-lag').dataset.level = foldLag != null && foldLag >= 7 * DAY_MS ? 'behind' : 'ok';
    $('fold-lag').title = foldLag == null ? 'no state or no replay status yet'
      : `${(foldLag / 3600000).toFixed(1)} h behind the replay's clock (simulated time)`;
    $('btn-pause').classList.toggle('primary', state === 'PLAYING');
    $('btn-resume').classList.toggle('primary', state === 'PAUSED');

    // Progress through the replayed range.
    const from = toMs(st?.from);
    const to = toMs(st?.to);
    const now = toMs(st?.simulatedTime) ?? asOf;
    setText($('progress-from'), from == null ? '' : fmtDate(from));
    setText($('progress-to'), to == null ? '' : fmtDate(to));
    let pct = 0;
    if (from != null && to != null && now != null && to > from) pct = Math.min(100, Math.max(0, ((now - from) / (to - from)) * 100));
    $('progress-fill').style.width = `${pct.toFixed(2)}%`;
    const sent = num(st?.eventsSent);
    const total = num(st?.totalEvents);
    const applied = num(s?.eventsApplied);
    setText($('progress-events'), sent != null && total != null ? `${sent} / ${total} events`
      : applied != null ? `${applied} events applied` : '');
  }

  function setCounter(id, value, glow = true) {
    const e = $(id);
    const s = String(value);
    if (e.textContent === s) return;
    const first = e.textContent === '–';
    e.textContent = s;
    if (glow && !first) {
      e.classList.remove('bump');
      void e.offsetWidth; // restart the animation
      e.classList.add('bump');
    }
  }

  function renderState() {
    const s = live.state;
    if (!s) return;
    setCounter('people-count', num(s.peopleAboard) ?? (s.crew?.length ?? '–'));
    setCounter('expedition-crew-count', num(s.expeditionCrew) ?? '–');
    setCounter('expedition', s.expedition ?? '–');
    setCounter('module-count', num(s.moduleCount) ?? (s.modules?.length ?? '–'));
    setCounter('occupancy-days', num(s.continuousOccupancyDays) ?? '–', false); // a clock: no glow
    setCounter('spacewalks', num(s.spacewalks) ?? '–');
    renderCrew(Array.isArray(s.crew) ? s.crew : [], s.expedition);
    renderModules(Array.isArray(s.modules) ? s.modules : []);
    renderVehicles(Array.isArray(s.visitingVehicles) ? s.visitingVehicles : []);
    renderSpotlight(s);
    if (!travel.active) renderAssembly(s, false);
    renderProjections(s.projections);
    setText($('chart-people-now'), num(s.peopleAboard) ?? '');
    setText($('chart-modules-now'), num(s.moduleCount) ?? '');
  }

  // The station drawn as it grows, live or as of the time-travel date; the seed's caption of a recent milestone
  // over it (reached within the last 120 simulated days).
  function renderAssembly(s, traveling) {
    const svg = $('assembly');
    if (!svg || !window.StationAssembly) return;
    window.StationAssembly.render(svg, s);
    svg.dataset.asOf = s.asOf ?? '';
    document.querySelector('.assembly-card')?.classList.toggle('traveling', traveling);
    const ms = s.lastMilestone;
    const asOf = toMs(s.asOf);
    const reached = toMs(ms?.time);
    const recent = ms && ms.title && asOf != null && reached != null && asOf - reached <= 120 * DAY;
    $('assembly-caption').hidden = !recent;
    if (recent) {
      setText($('assembly-caption-title'), `${fmtDate(reached)} · ${ms.title}`);
      setText($('assembly-caption-text'), ms.caption ?? '');
    }
  }

  // "PT2050H12M" -> "2050 h 12 min"; anything else as it is.
  function fmtValue(v) {
    if (v == null) return '–';
    if (typeof v === 'string') {
      const d = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:[\d.]+S)?$/.exec(v);
      if (d) return `${d[1] ?? 0} h ${String(d[2] ?? 0).padStart(2, '0')} min`;
      const t = toMs(v);
      return /^\d{4}-\d{2}-\d{2}T/.test(v) && t != null ? fmtDate(t) : v;
    }
    if (Array.isArray(v)) return v.length > 3 ? `${v.length} items` : v.map(fmtValue).join(', ');
    if (typeof v === 'object') {
      return Object.entries(v).filter(([k]) => !/id$/i.test(k)).map(([k, x]) => `${k} ${fmtValue(x)}`).join(' · ');
    }
    return String(v);
  }

  // Every projection outside the counters above (GET /api/projections): name, then its fields, one line each.
  function renderProjections(projections) {
    const entries = projections && typeof projections === 'object' ? Object.entries(projections) : [];
    const sig = JSON.stringify(entries);
    if (sig === live.projectionsSig) return;
    live.projectionsSig = sig;
    $('projections-block').hidden = entries.length === 0;
    const items = [];
    for (const [name, value] of entries) {
      const dt = el('dt', 'projection-name', name);
      const dd = el('dd', 'projection-value');
      dd.dataset.projection = name;
      const fields = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [['', value]];
      for (const [k, v] of fields) {
        const row = el('div', 'projection-field');
        if (k) row.append(el('span', 'projection-key', k));
        row.append(el('span', 'projection-val', fmtValue(v)));
        dd.append(row);
      }
      items.push(dt, dd);
    }
    $('projection-list').replaceChildren(...items);
  }

  function renderCrew(crew, expedition) {
    const sig = JSON.stringify([expedition, crew.map((p) => [p.name, p.agency, p.role, p.vehicle])]);
    if (sig === live.crewSig) return;
    live.crewSig = sig;
    const exp = crew.filter((p) => p.role !== 'visitor');
    const vis = crew.filter((p) => p.role === 'visitor');
    const items = [];
    const add = (p, i, group) => {
      const visitor = p.role === 'visitor';
      const li = el('li', `person ${visitor ? 'visitor' : 'expedition'}`);
      li.dataset.role = visitor ? 'visitor' : 'expedition';
      if (i === 0) li.dataset.group = group;
      li.append(badge(p.agency), el('span', 'person-name', p.name ?? '?'), el('span', 'person-meta', p.vehicle ?? ''));
      const since = toMs(p.since);
      li.title = `${p.name} · ${p.agency ?? ''} · ${visitor ? 'visitor' : 'expedition crew'}`
        + `${p.vehicle ? ` · arrived on ${p.vehicle}` : ''}${since != null ? ` · ${fmtDate(since)}` : ''}`;
      items.push(li);
    };
    exp.forEach((p, i) => add(p, i, expedition != null ? `Expedition ${expedition} crew` : 'Long-duration crew'));
    vis.forEach((p, i) => add(p, i, 'Visitors'));
    $('crew-list').replaceChildren(...items);
  }

  // Module tiles are kept by name so that a new one can glow without restarting the others' animations.
  const moduleTiles = new Map();
  function renderModules(modules) {
    const list = $('module-list');
    const names = modules.map((m) => String(m.name));
    const prev = live.modulesSeen;
    const sig = JSON.stringify(modules.map((m) => [m.name, m.attachedAt, m.agency]));
    if (list.dataset.sig === sig) return;
    list.dataset.sig = sig;
    const keep = new Set(names);
    for (const [name, tile] of moduleTiles) {
      if (!keep.has(name)) { tile.remove(); moduleTiles.delete(name); }
    }
    modules.forEach((m, i) => {
      const name = String(m.name);
      let tile = moduleTiles.get(name);
      if (!tile) {
        tile = el('li', 'module');
        tile.dataset.name = name;
        const head = el('div', 'module-head');
        head.append(el('span', 'module-index'), el('span', 'module-name', name));
        tile.append(head, el('div', 'module-date'));
        moduleTiles.set(name, tile);
        if (prev && !prev.has(name)) {
          tile.classList.add('fresh');
          setTimeout(() => tile.classList.remove('fresh'), 6500);
        }
      }
      tile.className = tile.className.replace(/\bm-\S+/g, '').trim();
      tile.classList.add(`m-${cssToken(m.agency)}`);
      setText(tile.querySelector('.module-index'), i + 1);
      const at = toMs(m.attachedAt);
      setText(tile.querySelector('.module-date'), at != null ? fmtDate(at) : '');
      tile.title = `${name} · ${m.agency ?? ''}${m.location ? ` · ${m.location}` : ''}`;
      if (list.children[i] !== tile) list.insertBefore(tile, list.children[i] ?? null);
    });
    live.modulesSeen = keep;
  }

  function renderVehicles(vehicles) {
    const sig = JSON.stringify(vehicles.map((v) => [v.name, v.type, v.mode, v.port]));
    if (sig === live.vehicleSig) return;
    live.vehicleSig = sig;
    const prev = live.vehiclesSeen;
    const items = vehicles.map((v) => {
      const li = el('li', 'vehicle');
      li.dataset.name = v.name ?? '';
      li.append(el('span', `vtype vt-${cssToken(v.type)}`, VEHICLE_TYPES[v.type] ?? v.type ?? '?'));
      const body = el('span', 'vbody');
      body.append(el('span', 'vname', v.name ?? '?'));
      li.append(body);
      const mode = v.mode ? String(v.mode).toLowerCase() : '';
      const at = toMs(v.arrivedAt);
      li.title = `${v.name} · ${v.type ?? ''}${mode ? ` · ${mode}` : ''}${v.port ? ` at ${v.port}` : ''}`
        + `${at != null ? ` since ${fmtDate(at)}` : ''}`;
      if (v.port) li.append(el('span', 'vmeta', v.port));
      if (prev && !prev.has(v.name)) li.classList.add('fresh');
      return li;
    });
    $('vehicle-list').replaceChildren(...items);
    live.vehiclesSeen = new Set(vehicles.map((v) => v.name));
  }

  function renderSpotlight(s) {
    const ms = s.lastMilestone;
    const box = $('milestone-spotlight');
    if (!ms || typeof ms !== 'object') {
      box.hidden = true;
      live.milestoneKey = null;
      return;
    }
    const key = ms.eventId ?? `${ms.title}|${ms.time}`;
    if (key === live.milestoneKey) return;
    const first = live.milestoneKey === undefined;
    live.milestoneKey = key;
    box.hidden = false;
    const t = toMs(ms.time);
    setText($('spotlight-date'), t == null ? '' : fmtDate(t));
    setText($('spotlight-title'), ms.title ?? '');
    setText($('spotlight-caption'), ms.caption ?? '');
    if (!first) {
      box.classList.remove('flash');
      void box.offsetWidth;
      box.classList.add('flash');
    }
  }

  // ---------------------------------------------------------------- timeline
  // The timeline's past comes from the event log (GET /api/timeline): on load, after a reset (seek back, restart),
  // and whenever the states skipped events (the fold writes once per commit, so at high speed one state carries
  // many events). Live states add what is new.
  const timeline = { pending: [], ids: new Set(), seq: 0, timer: null };
  function queueTimeline(entry) {
    if (timeline.ids.has(entry.id)) return;
    timeline.ids.add(entry.id);
    timeline.pending.push(entry);
    if (timeline.pending.length > MAX_TIMELINE) timeline.pending.splice(0, timeline.pending.length - MAX_TIMELINE);
  }
  function timelineEntry(e, animate) {
    const li = el('li', `timeline-entry t-${cssToken(e.type)}${e.milestone ? ' milestone' : ''}${animate ? ' enter' : ''}`);
    li.dataset.eventId = e.id;
    if (e.type) li.dataset.type = e.type;
    const time = el('time', null, e.time == null ? '' : fmtDate(e.time));
    if (e.time != null) time.dateTime = new Date(e.time).toISOString();
    const body = el('div', 'tl-body');
    body.append(el('span', 'tl-type', TYPE_LABELS[e.type] ?? (e.type || 'Event')));
    body.append(el('span', 'tl-summary', e.milestone ? (e.title || e.summary) : e.summary));
    if (e.milestone && e.caption) body.append(el('p', 'tl-caption', e.caption));
    li.append(time, body);
    return li;
  }
  function fromLog(e) {
    const milestone = e.type === 'MilestoneReached';
    return { id: e.id, type: e.type, time: toMs(e.time), summary: e.summary ?? humanizeId(e.id), milestone,
      title: milestone ? (e.title ?? e.summary) : null, caption: milestone ? (e.caption ?? '') : null };
  }
  function scheduleTimelineLoad(delay = 600) {
    clearTimeout(timeline.timer);
    timeline.timer = setTimeout(() => loadTimeline(), delay);
  }
  async function loadTimeline(attempt = 0) {
    const seq = ++timeline.seq;
    const r = await getJSON(api('/api/timeline', { limit: MAX_TIMELINE }));
    if (seq !== timeline.seq) return; // a newer load is on its way
    if (!r.ok || !Array.isArray(r.body?.events)) {
      if ((r.status === 503 || r.status === 0) && attempt < 5) setTimeout(() => loadTimeline(attempt + 1), 1500);
      return;
    }
    flushTimeline();
    const past = r.body.events.map(fromLog);
    const newestPast = past.length ? past[0].time : null;
    const pastIds = new Set(past.map((e) => e.id));
    const list = $('timeline');
    // Entries that came live after the log was read stay on top.
    const newer = [...list.children].filter((li) => !pastIds.has(li.dataset.eventId)
      && (newestPast == null || Date.parse(li.querySelector('time')?.dateTime ?? '') >= newestPast));
    list.replaceChildren(...newer, ...past.map((e) => timelineEntry(e, false)));
    while (list.children.length > MAX_TIMELINE) list.lastElementChild.remove();
    timeline.ids = new Set([...list.children].map((li) => li.dataset.eventId));
    list.dataset.backfilled = String(past.length);
  }
  function flushTimeline() {
    const pending = timeline.pending;
    if (!pending.length) return;
    timeline.pending = [];
    const list = $('timeline');
    const animate = pending.length <= 8;
    const frag = document.createDocumentFragment();
    for (let i = pending.length - 1; i >= 0; i--) frag.append(timelineEntry(pending[i], animate));
    list.prepend(frag);
    while (list.children.length > MAX_TIMELINE) list.lastElementChild.remove();
  }

  // ---------------------------------------------------------------- series and charts
  // Points {t, people, modules}. Flat runs collapse into their first and last point (a step chart needs no
  // more), so a whole 23-year replay with a state per simulated day stays a few thousand points.
  const series = { points: [], loaded: false, pending: [], epoch: 0 };
  let chartsDirty = true;
  const samePt = (a, b) => a.people === b.people && a.modules === b.modules;
  function pushPoint(p) {
    const pts = series.points;
    const n = pts.length;
    if (n && p.t < pts[n - 1].t) return; // older than what we have (a reset clears the chart first)
    if (n && p.t === pts[n - 1].t) { pts[n - 1] = p; return; }
    if (n >= 2 && samePt(pts[n - 1], p) && samePt(pts[n - 2], p)) { pts[n - 1] = p; return; }
    pts.push(p);
  }
  function addPoint(p) {
    if (!series.loaded) { series.pending.push(p); return; }
    pushPoint(p);
    chartsDirty = true;
  }
  function resetSeries() {
    series.epoch++;
    series.points = [];
    series.pending = [];
    series.loaded = true; // after a reset the states that follow rebuild the chart; no need for /api/series
    chartsDirty = true;
  }
  async function loadSeries(attempt = 0) {
    const epoch = series.epoch;
    const r = await getJSON(api('/api/series'), { timeout: 15000 });
    if (epoch !== series.epoch || series.loaded) return; // a reset came first: that history no longer applies
    if (r.status === 503 && attempt < 5) {
      setTimeout(() => loadSeries(attempt + 1), 1500);
      return;
    }
    series.points = [];
    if (r.ok && Array.isArray(r.body)) {
      for (const q of r.body) {
        const t = toMs(q?.t);
        if (t == null) continue;
        pushPoint({ t, people: num(q.people) ?? 0, modules: num(q.modules) ?? 0 });
      }
    }
    for (const p of series.pending) pushPoint(p);
    series.pending = [];
    series.loaded = true;
    chartsDirty = true;
  }

  function niceStep(span, target) {
    const raw = span / Math.max(1, target);
    const mag = 10 ** Math.floor(Math.log10(raw));
    for (const m of [1, 2, 5, 10]) if (m * mag >= raw) return m * mag;
    return 10 * mag;
  }
  function drawChart(canvas, key, color) {
    const pts = series.loaded ? series.points : series.pending;
    canvas.dataset.points = String(pts.length);
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    if (!w || !h) return;
    const dpr = window.devicePixelRatio || 1;
    const W = Math.round(w * dpr);
    const H = Math.round(h * dpr);
    if (canvas.width !== W || canvas.height !== H) { canvas.width = W; canvas.height = H; }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const fs = Math.round(rem * 0.78);
    ctx.font = `600 ${fs}px ${getComputedStyle(document.body).fontFamily}`;
    const padL = fs * 2.6;
    const padR = fs * 1.2;
    const padT = fs * 0.9;
    const padB = fs * 1.9;
    const pw = w - padL - padR;
    const ph = h - padT - padB;
    if (pw < 20 || ph < 20) return;

    if (!pts.length) {
      ctx.fillStyle = '#7d8ea8';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('waiting for data…', w / 2, h / 2);
      return;
    }
    const x0 = pts[0].t;
    const x1 = Math.max(pts[pts.length - 1].t, x0 + 30 * DAY);
    let vmax = 0;
    for (const p of pts) if (p[key] > vmax) vmax = p[key];
    const ystep = niceStep(Math.max(vmax, 1), 4);
    const ymax = Math.max(ystep, Math.ceil(Math.max(vmax, 1) / ystep) * ystep);
    const X = (t) => padL + ((t - x0) / (x1 - x0)) * pw;
    const Y = (v) => padT + ph - (v / ymax) * ph;

    // grid and y labels
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let v = 0; v <= ymax + 1e-9; v += ystep) {
      const y = Math.round(Y(v)) + 0.5;
      ctx.strokeStyle = v === 0 ? '#3a4d6e' : '#1c2a43';
      ctx.beginPath(); ctx.moveTo(padL, y); ctx.lineTo(padL + pw, y); ctx.stroke();
      ctx.fillStyle = '#a9b9d0';
      ctx.fillText(String(v), padL - fs * 0.5, y);
    }
    // x labels: years (or months on a short span)
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const xLabel = (label, x) => { // only labels that fit inside the canvas
      const half = ctx.measureText(label).width / 2;
      if (x - half < 2 || x + half > w - 2) return;
      ctx.fillStyle = '#a9b9d0';
      ctx.fillText(label, x, padT + ph + fs * 0.45);
    };
    const spanYears = (x1 - x0) / (365.25 * DAY);
    const d0 = new Date(x0);
    if (spanYears >= 1.5) {
      const every = niceStep(spanYears, Math.max(2, Math.floor(pw / (fs * 4))));
      const yStep = Math.max(1, Math.round(every));
      let y = d0.getUTCFullYear() + 1;
      y = Math.ceil(y / yStep) * yStep;
      for (; ; y += yStep) {
        const t = Date.UTC(y, 0, 1);
        if (t > x1) break;
        const x = Math.round(X(t)) + 0.5;
        ctx.strokeStyle = '#16233a';
        ctx.beginPath(); ctx.moveTo(x, padT); ctx.lineTo(x, padT + ph); ctx.stroke();
        xLabel(String(y), x);
      }
    } else {
      const months = Math.max(1, Math.ceil((spanYears * 12) / Math.max(2, Math.floor(pw / (fs * 5)))));
      let m = d0.getUTCMonth() + 1;
      let yr = d0.getUTCFullYear();
      for (let i = 0; i < 60; i++) {
        const t = Date.UTC(yr, m, 1);
        if (t > x1) break;
        const mm = ((m % 12) + 12) % 12;
        if (mm % months === 0) {
          const x = Math.round(X(t)) + 0.5;
          ctx.strokeStyle = '#16233a';
          ctx.beginPath(); ctx.moveTo(x, padT); ctx.lineTo(x, padT + ph); ctx.stroke();
          xLabel(`${MONTHS[mm]} ${new Date(t).getUTCFullYear()}`, x);
        }
        m++;
      }
    }

    // the step line and its area
    ctx.beginPath();
    ctx.moveTo(X(pts[0].t), Y(pts[0][key]));
    for (let i = 1; i < pts.length; i++) {
      const x = X(pts[i].t);
      ctx.lineTo(x, Y(pts[i - 1][key]));
      ctx.lineTo(x, Y(pts[i][key]));
    }
    const last = pts[pts.length - 1];
    const xl = X(last.t);
    ctx.save();
    ctx.lineTo(xl, Y(0));
    ctx.lineTo(X(pts[0].t), Y(0));
    ctx.closePath();
    const g = ctx.createLinearGradient(0, padT, 0, padT + ph);
    g.addColorStop(0, `${color}55`);
    g.addColorStop(1, `${color}08`);
    ctx.fillStyle = g;
    ctx.fill();
    ctx.restore();
    ctx.beginPath();
    ctx.moveTo(X(pts[0].t), Y(pts[0][key]));
    for (let i = 1; i < pts.length; i++) {
      const x = X(pts[i].t);
      ctx.lineTo(x, Y(pts[i - 1][key]));
      ctx.lineTo(x, Y(pts[i][key]));
    }
    ctx.strokeStyle = color;
    ctx.lineWidth = Math.max(2, fs * 0.16);
    ctx.lineJoin = 'round';
    ctx.stroke();
    // the present
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(xl, Y(last[key]), Math.max(3, fs * 0.3), 0, Math.PI * 2);
    ctx.fill();
  }
  function drawCharts() {
    drawChart($('chart-people'), 'people', '#3fd4ff');
    drawChart($('chart-modules'), 'modules', '#ffb547');
  }
  setInterval(() => { // at most 5 redraws a second
    if (!chartsDirty) return;
    chartsDirty = false;
    drawCharts();
  }, 200);
  if ('ResizeObserver' in window) {
    const ro = new ResizeObserver(() => { chartsDirty = true; });
    ro.observe($('chart-people'));
    ro.observe($('chart-modules'));
  } else {
    window.addEventListener('resize', () => { chartsDirty = true; });
  }

  // ---------------------------------------------------------------- SSE
  let source = null;
  let generation = 0;
  let retryTimer = null;
  let retryDelay = 1000;

  function setConnection(state) {
    const c = $('connection');
    c.dataset.state = state;
    setText(c, state);
  }

  function openStream(url) {
    if (source) source.close();
    clearTimeout(retryTimer);
    const gen = ++generation;
    const es = new EventSource(url);
    source = es;
    let hadError = false;
    setConnection(feed.stateIds.length || feed.reconnects ? 'reconnecting' : 'connecting');

    es.onopen = () => {
      if (gen !== generation) return;
      if (hadError) feed.reconnects++; // the browser reconnected by itself (sending Last-Event-ID)
      hadError = false;
      retryDelay = 1000;
      setConnection('connected');
    };
    es.onerror = () => {
      if (gen !== generation) return;
      hadError = true;
      setConnection('reconnecting');
      if (es.readyState === EventSource.CLOSED) {
        // The browser gave up (an HTTP error such as 503): reconnect ourselves, resuming after the last id.
        retryTimer = setTimeout(() => {
          if (gen !== generation) return;
          feed.reconnects++;
          openStream(resumeUrl());
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 15000);
      }
    };
    es.addEventListener('state', (e) => {
      if (gen !== generation) return;
      let s = null;
      try { s = JSON.parse(e.data); } catch (_) { /* ignore a broken event */ }
      feed.stateIds.push(e.lastEventId);
      feed.eventsApplied.push(s && typeof s === 'object' ? (s.eventsApplied ?? null) : null);
      if (e.lastEventId) live.lastId = e.lastEventId;
      if (s) {
        // Simulated time never goes back without a `reset` event first, unless the server itself started
        // over (a restarted demo): what was accumulated no longer applies then either.
        const t = toMs(s.asOf);
        if (t != null && live.sseAsOf != null && t < live.sseAsOf) resetLive();
        if (t != null) live.sseAsOf = t;
        applyLiveState(s, true);
      }
      if ($('connection').dataset.state !== 'connected') setConnection('connected');
    });
    es.addEventListener('replay', (e) => {
      if (gen !== generation) return;
      try {
        const st = JSON.parse(e.data);
        live.sseReplay = true;
        applyStatus(st);
      } catch (_) { /* ignore */ }
    });
    es.addEventListener('reset', () => {
      if (gen !== generation) return;
      live.sseAsOf = null;
      resetLive();
    });
  }
  function resumeUrl() {
    return live.lastId ? api('/api/stream', { lastEventId: live.lastId }) : api('/api/stream');
  }

  // Test hook: drop the connection and resume after the last state received.
  window.stationDropConnection = () => {
    feed.reconnects++;
    openStream(resumeUrl());
  };

  // ---------------------------------------------------------------- initial load
  async function loadInitialState(attempt = 0) {
    const r = await getJSON(api('/api/state'));
    if (live.sseState) return;
    if (r.ok && r.body) { applyLiveState(r.body, false); return; }
    if (r.status === 404) {
      if (!live.state) setText($('sim-time'), 'waiting for the first event');
      return;
    }
    // 503 (Streams starting or rebalancing) or unreachable: try again until SSE delivers.
    if (attempt < 20) setTimeout(() => { if (!live.sseState) loadInitialState(attempt + 1); }, 1500);
  }
  async function loadInitialReplay(attempt = 0) {
    const r = await getJSON(api('/api/replay'));
    if (live.sseReplay) return;
    if (r.ok && r.body) { applyStatus(r.body); return; }
    if (r.status !== 404 && attempt < 10) setTimeout(() => { if (!live.sseReplay) loadInitialReplay(attempt + 1); }, 2000);
  }

  // ---------------------------------------------------------------- controls
  let resultTimer = null;
  let userTouched = 0; // when the user last changed speed or loop (status events must not fight them)
  function showResult(kind, msg) {
    const out = $('control-result');
    out.className = `control-result ${kind}`;
    out.textContent = msg;
    clearTimeout(resultTimer);
    if (kind !== 'pending') resultTimer = setTimeout(() => out.classList.add('stale'), 5000);
  }
  // `alt`: the same command in the form topic station.control uses (speed as text, seek to an instant), tried
  // once if the server refuses the documented HTTP form with a 400.
  async function sendControl(cmd, label, alt) {
    showResult('pending', `${label}…`);
    const post = async (c) => {
      const send = () => {
        const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
        const token = sessionStorage.getItem('station-control-token');
        if (token) headers.Authorization = `Bearer ${token}`;
        return fetch(api('/api/control'), { method: 'POST', headers, body: JSON.stringify(c) });
      };
      let r = await send();
      // A server reachable beyond its own machine wants its control token: ask once, keep it for this tab.
      if (r.status === 401) {
        const token = window.prompt('This server needs its control token to steer the replay:');
        if (token) {
          sessionStorage.setItem('station-control-token', token.trim());
          r = await send();
        }
      }
      let body = null;
      try { body = await r.json(); } catch (_) { /* no JSON body */ }
      return { r, body };
    };
    try {
      let { r, body } = await post(cmd);
      if (r.status === 400 && alt) {
        const second = await post(alt);
        if (second.r.ok) ({ r, body } = second);
      }
      if (r.ok && body?.accepted !== false) {
        showResult('ok', `✓ ${label}: accepted${body?.position ? ` (${body.position})` : ''}`);
      } else {
        showResult('err', `✗ ${label}: ${body?.error ?? `HTTP ${r.status}${r.statusText ? ` ${r.statusText}` : ''}`}`);
      }
    } catch (_) {
      showResult('err', `✗ ${label}: server unreachable`);
    }
  }
  // The replays on the topics: pick one to follow (the page reloads with ?replay=NAME).
  async function loadReplays() {
    const select = $('replay-select');
    if (!select) return;
    try {
      const r = await fetch('/api/replays', { cache: 'no-store', headers: { Accept: 'application/json' } });
      if (!r.ok) return;
      const names = (await r.json()).replays ?? [];
      const current = STATION || 'ISS';
      if (!names.includes(current)) names.unshift(current);
      const have = [...select.options].map((o) => o.value).join('\n');
      if (have === names.join('\n')) return;
      select.replaceChildren(...names.map((n) => {
        const o = document.createElement('option');
        o.value = n;
        o.textContent = n;
        o.selected = n === current;
        return o;
      }));
    } catch (_) { /* try again later */ }
  }
  $('replay-select')?.addEventListener('change', (e) => {
    const q = new URLSearchParams(location.search);
    q.delete('station');
    q.set('replay', e.target.value);
    location.search = q.toString();
  });
  loadReplays();
  setInterval(loadReplays, 5000);

  $('btn-pause').addEventListener('click', () => sendControl({ command: 'pause' }, 'pause'));
  $('btn-resume').addEventListener('click', () => sendControl({ command: 'resume' }, 'resume'));
  $('btn-restart').addEventListener('click', () => sendControl({ command: 'restart' }, 'restart'));
  $('speed-select').addEventListener('change', (e) => {
    userTouched = Date.now();
    const v = e.target.value;
    const speed = v === 'max' ? 'max' : Number(v);
    sendControl({ command: 'speed', speed }, `speed ${fmtSpeed(v)}`, v === 'max' ? null : { command: 'speed', speed: String(v) });
  });
  $('loop-toggle').addEventListener('change', (e) => {
    userTouched = Date.now();
    const enabled = e.target.checked;
    sendControl({ command: 'loop', enabled }, `loop ${enabled ? 'on' : 'off'}`);
  });
  $('btn-seek').addEventListener('click', () => {
    const v = $('seek-date').value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) { showResult('err', '✗ seek: pick a date first'); return; }
    sendControl({ command: 'seek', to: v }, `seek to ${fmtDate(Date.parse(`${v}T00:00:00Z`))}`,
      { command: 'seek', to: `${v}T00:00:00Z` });
  });
  $('seek-date').addEventListener('keydown', (e) => { if (e.key === 'Enter') $('btn-seek').click(); });

  function syncControls(st) {
    const from = toMs(st.from);
    const to = toMs(st.to);
    const seek = $('seek-date');
    if (from != null) seek.min = isoDate(from);
    if (to != null) seek.max = isoDate(to);
    if (!seek.value && toMs(st.simulatedTime) != null) seek.value = isoDate(toMs(st.simulatedTime));
    if (Date.now() - userTouched < 2500) return;
    if (document.activeElement !== $('speed-select') && st.speed != null) {
      const sel = $('speed-select');
      const v = String(st.speed).toLowerCase() === 'max' ? 'max' : String(Number(st.speed));
      let opt = [...sel.options].find((o) => o.value === v);
      if (!opt) {
        opt = [...sel.options].find((o) => o.dataset.custom);
        if (!opt) { opt = new Option(); opt.dataset.custom = '1'; sel.add(opt, 0); }
        opt.value = v;
        opt.textContent = fmtSpeed(v);
      }
      if (sel.value !== v) sel.value = v;
    }
    if (typeof st.loop === 'boolean') $('loop-toggle').checked = st.loop;
  }

  // ---------------------------------------------------------------- time travel
  const travel = { active: false, seq: 0, timer: null, retry: null, date: null };
  const dayOf = (ms) => Math.floor(ms / DAY);
  function travelBounds() {
    let from = toMs(live.status?.from);
    const now = liveTimeMs();
    if (from == null) from = series.points[0]?.t ?? toMs(live.state?.modules?.[0]?.attachedAt);
    if (from == null && now != null) from = now - 365 * DAY;
    if (from == null || now == null) return null;
    return { min: dayOf(from), max: Math.max(dayOf(from), dayOf(now)) };
  }
  function updateTravelRange() {
    const b = travelBounds();
    if (!b) return;
    const sl = $('travel-slider');
    if (String(b.min) !== sl.min) sl.min = String(b.min);
    if (String(b.max) !== sl.max) sl.max = String(b.max);
    if (!travel.active && sl.value !== String(b.max)) sl.value = String(b.max);
    setText($('travel-min'), fmtDate(b.min * DAY));
    setText($('travel-max'), travel.active ? fmtDate(b.max * DAY) : 'now');
  }
  function onTravelInput() {
    const sl = $('travel-slider');
    const day = Number(sl.value);
    if (!Number.isFinite(day)) return;
    const date = isoDate(day * DAY);
    travel.active = true;
    travel.date = date;
    document.querySelector('.travel-card').classList.add('traveling');
    const panel = $('travel-panel');
    panel.hidden = false;
    panel.classList.add('loading');
    const t = $('travel-date');
    t.dateTime = date;
    setText(t, fmtDate(day * DAY));
    setTravelStatus('', 'loading…');
    setText($('travel-max'), fmtDate(Number(sl.max) * DAY));
    clearTimeout(travel.timer);
    clearTimeout(travel.retry);
    travel.timer = setTimeout(() => fetchTravel(date), 250);
  }
  function setTravelStatus(kind, msg) {
    const s = $('travel-status');
    s.className = `travel-status ${kind}`;
    setText(s, msg);
  }
  async function fetchTravel(date, attempt = 0) {
    const seq = ++travel.seq;
    const r = await getJSON(api('/api/state', { at: date }));
    if (seq !== travel.seq || !travel.active || travel.date !== date) return; // a newer request or back to live
    const panel = $('travel-panel');
    if (r.ok && r.body) {
      panel.classList.remove('loading');
      setTravelStatus('', '');
      renderTravel(r.body);
      loadTravelTimeline(date, seq);
    } else if (r.status === 404) {
      panel.classList.remove('loading');
      setTravelStatus('', 'nothing in orbit yet on that date');
      renderTravel({ peopleAboard: 0, expeditionCrew: 0, expedition: null, moduleCount: 0,
        continuousOccupancyDays: 0, spacewalks: 0, crew: [], modules: [] });
    } else if ((r.status === 503 || r.status === 0) && attempt < 5) {
      setTravelStatus('err', r.status === 503 ? 'server busy, retrying…' : 'server unreachable, retrying…');
      travel.retry = setTimeout(() => { if (travel.active && travel.date === date) fetchTravel(date, attempt + 1); }, 1500);
    } else {
      panel.classList.remove('loading');
      setTravelStatus('err', r.body?.error ?? `could not load (HTTP ${r.status || 'error'})`);
    }
  }
  async function loadTravelTimeline(date, seq) {
    const r = await getJSON(api('/api/timeline', { at: date, limit: 12 }));
    if (seq !== travel.seq || !travel.active) return;
    const events = r.ok && Array.isArray(r.body?.events) ? r.body.events.map(fromLog) : [];
    $('travel-timeline').replaceChildren(...events.map((e) => timelineEntry(e, false)));
  }
  function renderTravel(s) {
    renderAssembly(s, true);
    setText($('travel-people-count'), text(num(s.peopleAboard) ?? s.crew?.length));
    setText($('travel-crew-count'), text(num(s.expeditionCrew)));
    setText($('travel-expedition'), text(s.expedition));
    setText($('travel-module-count'), text(num(s.moduleCount) ?? s.modules?.length));
    setText($('travel-occupancy-days'), text(num(s.continuousOccupancyDays)));
    setText($('travel-spacewalks'), text(num(s.spacewalks)));
    const crew = Array.isArray(s.crew) ? s.crew : [];
    $('travel-crew').replaceChildren(...crew.map((p) => {
      const li = el('li', p.role === 'visitor' ? 'visitor' : 'expedition');
      li.append(badge(p.agency), document.createTextNode(p.name ?? '?'));
      return li;
    }));
    const mods = Array.isArray(s.modules) ? s.modules : [];
    $('travel-modules').replaceChildren(...mods.map((m) => {
      const li = el('li', 'travel-module', m.name ?? '?');
      const at = toMs(m.attachedAt);
      if (at != null) li.title = `attached ${fmtDate(at)}`;
      return li;
    }));
  }
  function backToLive() {
    travel.active = false;
    travel.date = null;
    travel.seq++;
    clearTimeout(travel.timer);
    clearTimeout(travel.retry);
    $('travel-panel').hidden = true;
    document.querySelector('.travel-card').classList.remove('traveling');
    if (live.state) renderAssembly(live.state, false);
    updateTravelRange();
  }
  $('travel-slider').addEventListener('input', onTravelInput);
  $('travel-slider').addEventListener('change', onTravelInput);
  $('btn-live').addEventListener('click', backToLive);

  // ---------------------------------------------------------------- start
  loadSeries();
  loadInitialState();
  loadTimeline();
  loadInitialReplay();
  openStream(api('/api/stream'));
})();
