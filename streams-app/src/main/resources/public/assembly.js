// The station drawn as it grows: a schematic in SVG, laid out by code from the state's own words.
// Every module and element says where it is ("Unity forward", "S0 port end", "Tranquility nadir"); a vehicle says
// its port ("Poisk zenith"). The layout finds the part named there and puts the new one next to it in that
// direction, so a relocation (a new location or port in the state) moves it, and a detachment removes it.
// A top view, as in NASA's configuration drawings: forward to the right, aft to the left, port up, starboard down
// (the truss is a bar across, above the modules), zenith and nadir as a small offset up-right and down-left.
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  // One step in each direction, in px before the view is scaled to fit.
  const DIRS = {
    forward: [64, 0], aft: [-64, 0], port: [0, -48], starboard: [0, 48], zenith: [26, -22], nadir: [-26, 22],
  };
  const DIR_WORDS = Object.keys(DIRS);
  // Sizes by kind (width x height in px, before the view is scaled to fit).
  const SIZE = {
    MODULE: [54, 24], ADAPTER: [16, 16], TRUSS: [12, 28], ROBOTIC_ARM: [10, 10], EXTERNAL_PAYLOAD: [12, 12],
    EXPOSED_FACILITY: [26, 14], OTHER: [10, 10], VEHICLE: [34, 16],
  };

  function norm(s) { return String(s ?? '').toLowerCase(); }

  // Names a location may use for a part: "P3/P4" is also "P3" and "P4"; "Kibo PM" also "Kibo".
  function aliases(name) {
    const out = [name];
    if (name.includes('/')) out.push(...name.split('/').map((p) => p.trim()));
    return out.filter(Boolean);
  }

  // The part a location refers to (the earliest mention, the longest name at that place) and the direction word
  // after it; "outboard" continues the direction its parent went.
  function parse(location, placed, self) {
    const text = norm(location);
    let best = null;
    for (const p of placed.values()) {
      if (p.name === self) continue;
      for (const a of aliases(p.name)) {
        const re = new RegExp(`(^|[^a-z0-9])${a.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9])`);
        const m = re.exec(text);
        if (!m) continue;
        const at = m.index + m[1].length;
        if (!best || at < best.at || (at === best.at && a.length > best.len)) best = { part: p, at, len: a.length };
      }
    }
    if (!best) return null;
    const rest = text.slice(best.at + best.len);
    let dir = null;
    let first = Infinity;
    for (const w of DIR_WORDS) {
      const i = rest.search(new RegExp(`\\b${w}\\b`));
      if (i >= 0 && i < first) { first = i; dir = w; }
    }
    if (/\boutboard\b/.test(rest) && (dir == null || rest.search(/\boutboard\b/) < first)) dir = best.part.dir ?? null;
    return { parent: best.part, dir };
  }

  function key(c) { return `${Math.round(c[0])},${Math.round(c[1])}`; }

  // The nearest free spot from the parent in a direction (or the first free one around it).
  function place(parent, dir, taken, kind) {
    const tries = dir ? [dir] : ['nadir', 'zenith', 'port', 'starboard', 'forward', 'aft'];
    for (const d of tries) {
      // Truss segments sit end to end: a shorter step along the truss keeps the drawing legible.
      const f = kind === 'TRUSS' && parent.kind === 'TRUSS' && (d === 'port' || d === 'starboard') ? 0.6 : 1;
      const v = DIRS[d].map((c) => c * f);
      for (let k = 1; k <= 8; k++) {
        const c = [parent.cell[0] + v[0] * k, parent.cell[1] + v[1] * k];
        if (!taken.has(key(c))) return { cell: c, dir: d };
      }
    }
    return { cell: [parent.cell[0], parent.cell[1] + 100], dir: dir ?? 'nadir' };
  }

  // The layout of a state: parts in attach order, each next to the part its location names; then the vehicles at
  // their ports. Pure: the same state always gives the same drawing.
  function layout(state) {
    const parts = [...(state?.modules ?? []), ...(state?.elements ?? [])]
      .filter((p) => p && p.name)
      .sort((a, b) => String(a.attachedAt ?? '').localeCompare(String(b.attachedAt ?? '')));
    const placed = new Map();
    const taken = new Set();
    const pending = [...parts];
    // A part may name one attached after it; place in rounds until nothing more can be placed.
    for (let round = 0; round < 4 && pending.length; round++) {
      for (let i = 0; i < pending.length; i++) {
        const p = pending[i];
        let node;
        if (placed.size === 0) {
          node = { cell: [0, 0], dir: null, parent: null };
        } else {
          const where = parse(p.location, placed, p.name);
          if (!where && round < 3) continue;
          const parent = where?.parent ?? placed.values().next().value;
          const spot = place(parent, where?.dir ?? null, taken, p.kind);
          node = { cell: spot.cell, dir: spot.dir, parent: parent.name };
        }
        placed.set(p.name, { name: p.name, kind: p.kind ?? 'OTHER', agency: p.agency, location: p.location, ...node });
        taken.add(key(node.cell));
        pending.splice(i, 1);
        i--;
      }
    }
    const vehicles = [];
    for (const v of state?.visitingVehicles ?? []) {
      if (!v?.name) continue;
      const where = parse(v.port, placed, v.name);
      if (!where) continue;
      const spot = place(where.parent, where.dir, taken);
      taken.add(key(spot.cell));
      vehicles.push({ name: v.name, kind: 'VEHICLE', type: v.type, agency: v.agency, port: v.port, cell: spot.cell,
        dir: spot.dir, parent: where.parent.name });
    }
    const nodes = [...placed.values(), ...vehicles].map((n) => {
      const [w, h] = SIZE[n.kind] ?? SIZE.OTHER;
      return { ...n, w, h, x: n.cell[0], y: n.cell[1] };
    });
    return nodes;
  }

  function svgEl(name, attrs) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
    return e;
  }

  function shape(n) {
    const g = svgEl('g', { class: `asm-node asm-${n.kind.toLowerCase()}${n.type ? ` asm-v-${n.type.toLowerCase()}` : ''}` });
    g.dataset.name = n.name;
    g.dataset.kind = n.kind;
    if (n.parent) g.dataset.parent = n.parent;
    if (n.port) g.dataset.port = n.port;
    if (n.agency) g.dataset.agency = n.agency;
    const title = svgEl('title');
    title.textContent = n.kind === 'VEHICLE' ? `${n.name} · ${n.port}` : `${n.name} · ${n.location ?? ''}`;
    g.append(title);
    if (n.kind === 'VEHICLE') {
      g.append(svgEl('path', { d: `M ${-n.w / 2} ${-n.h / 2} L ${n.w / 2 - 6} ${-n.h / 2} L ${n.w / 2} 0 L ${n.w / 2 - 6} ${n.h / 2} L ${-n.w / 2} ${n.h / 2} Z`, class: 'asm-body' }));
    } else {
      g.append(svgEl('rect', { x: -n.w / 2, y: -n.h / 2, width: n.w, height: n.h, rx: Math.min(n.h / 2, 8), class: 'asm-body' }));
    }
    if (n.kind === 'MODULE' || n.kind === 'VEHICLE') {
      const label = svgEl('text', { class: 'asm-label', 'text-anchor': 'middle', y: n.h / 2 + 10 });
      label.textContent = n.kind === 'VEHICLE' ? n.name.replace(/\s*\(.*\)$/, '').replace(/^Crew Dragon /, 'Dragon ') : n.name;
      g.append(label);
    }
    return g;
  }

  // Draws `state` into `svg`, keeping the node of each part across calls so that a move animates.
  function render(svg, state) {
    const nodes = layout(state);
    const root = svg.querySelector('g.asm-root') ?? svg.appendChild(svgEl('g', { class: 'asm-root' }));
    const links = svg.querySelector('g.asm-links') ?? root.appendChild(svgEl('g', { class: 'asm-links' }));
    // The truss behind the modules, the vehicles in front.
    const back = svg.querySelector('g.asm-back') ?? root.appendChild(svgEl('g', { class: 'asm-back' }));
    const layer = svg.querySelector('g.asm-parts') ?? root.appendChild(svgEl('g', { class: 'asm-parts' }));
    const byName = new Map(nodes.map((n) => [n.name, n]));
    const existing = new Map([...back.children, ...layer.children].map((g) => [g.dataset.name, g]));
    for (const [name, g] of existing) if (!byName.has(name)) g.remove();
    for (const n of nodes) {
      let g = existing.get(n.name);
      const fresh = !g || g.dataset.kind !== n.kind;
      if (fresh) {
        if (g) g.remove();
        g = shape(n);
        g.classList.add('asm-new');
        (n.kind === 'TRUSS' ? back : layer).append(g);
        setTimeout(() => g.classList.remove('asm-new'), 900);
      } else {
        if (n.port) g.dataset.port = n.port;
        if (n.parent) g.dataset.parent = n.parent; else delete g.dataset.parent;
        g.querySelector('title').textContent = n.kind === 'VEHICLE' ? `${n.name} · ${n.port}` : `${n.name} · ${n.location ?? ''}`;
      }
      g.style.transform = `translate(${n.x}px, ${n.y}px)`;
      g.dataset.x = String(n.x);
      g.dataset.y = String(n.y);
    }
    links.replaceChildren(...nodes.filter((n) => n.parent && byName.has(n.parent)).map((n) => {
      const p = byName.get(n.parent);
      return svgEl('line', { x1: p.x, y1: p.y, x2: n.x, y2: n.y, class: `asm-link${n.kind === 'VEHICLE' ? ' asm-link-vehicle' : ''}` });
    }));
    // Fit the drawing, with room for labels.
    if (nodes.length) {
      const half = (n) => Math.max(n.w / 2, n.kind === 'MODULE' || n.kind === 'VEHICLE' ? n.name.length * 2.9 : 0);
      const xs = nodes.flatMap((n) => [n.x - half(n) - 8, n.x + half(n) + 8]);
      const ys = nodes.flatMap((n) => [n.y - n.h / 2 - 8, n.y + n.h / 2 + 16]);
      const minX = Math.min(...xs); const maxX = Math.max(...xs);
      const minY = Math.min(...ys); const maxY = Math.max(...ys);
      const w = Math.max(160, maxX - minX); const h = Math.max(90, maxY - minY);
      svg.setAttribute('viewBox', `${minX - (w < 160 ? (160 - (maxX - minX)) / 2 : 0)} ${minY} ${w} ${h}`);
    }
    svg.dataset.parts = String(nodes.filter((n) => n.kind !== 'VEHICLE').length);
    svg.dataset.vehicles = String(nodes.filter((n) => n.kind === 'VEHICLE').length);
    return nodes;
  }

  window.StationAssembly = { layout, render };
})();
