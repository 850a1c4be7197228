"use strict";
// The notification bell: the unread count and a feed that updates live. Live updates come from
// GET /api/v1/notifications/stream (Server-Sent Events) read with fetch() and a stream reader,
// because EventSource cannot send the Authorization header and the token never goes in a URL.
// A dropped stream reconnects after a second with Last-Event-ID, so nothing is missed.

const bell = (() => {
  const FEED_SIZE = 30;
  const s = { items: [], unread: 0, lastId: null, abort: null, retry: null, running: false };

  function render() {
    const count = $("bell-count");
    count.textContent = String(s.unread);
    count.hidden = s.unread === 0;
    const list = $("feed-list");
    list.replaceChildren(...s.items.map((n) => {
      const item = el("li", null, n.read_at ? "" : "unread");
      item.dataset.id = n.id;
      item.append(el("div", n.kind + " · " + dateTime(n.created_at), "feed-kind"));
      item.append(el("div", n.title, "feed-title"));
      item.append(el("p", n.body, "feed-body"));
      return item;
    }));
    $("feed-empty").hidden = s.items.length > 0;
  }

  async function load() {
    const page = await api("/api/v1/notifications?limit=" + FEED_SIZE);
    s.items = page.notifications;
    s.unread = page.unread_count;
    s.lastId = s.items.length ? s.items[0].id : null;
    render();
  }

  function arrived(n) {
    if (s.items.some((x) => x.id === n.id)) return;
    s.items.unshift(n);
    s.items.length = Math.min(s.items.length, FEED_SIZE);
    if (!n.read_at) s.unread += 1;
    s.lastId = n.id;
    render();
  }

  // One SSE block: "id: N", "event: notification", "data: {...}" lines ended by a blank line.
  function dispatch(block) {
    let data = null;
    for (const line of block.split("\n")) {
      if (line.startsWith("data:")) data = (data === null ? "" : data + "\n") + line.slice(5).trimStart();
    }
    if (data !== null) arrived(JSON.parse(data));
  }

  async function stream() {
    s.abort = new AbortController();
    const headers = { Accept: "text/event-stream", Authorization: "Bearer " + state.token };
    if (s.lastId !== null) headers["Last-Event-ID"] = String(s.lastId);
    const response = await fetch("/api/v1/notifications/stream", { headers, signal: s.abort.signal });
    if (!response.ok) throw new Error("stream answered " + response.status);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  function follow() {
    if (!s.running) return;
    stream()
      .catch(() => {})
      .finally(() => {
        if (s.running) s.retry = setTimeout(follow, 1000);
      });
  }

  async function markAllRead() {
    if (!s.items.length) return;
    const answer = await api("/api/v1/notifications/read", {
      method: "POST",
      body: JSON.stringify({ up_to_id: s.items[0].id }),
    });
    const now = new Date().toISOString();
    s.items.forEach((n) => { if (!n.read_at) n.read_at = now; });
    s.unread = answer.unread_count;
    render();
  }

  function toggle() {
    const open = $("feed").hidden;
    $("feed").hidden = !open;
    $("bell").setAttribute("aria-expanded", String(open));
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("bell").addEventListener("click", toggle);
    $("mark-all-read").addEventListener("click", () => markAllRead().catch(() => {}));
  });

  return {
    async start() {
      if (s.running) return;
      s.running = true;
      $("bell-wrap").hidden = false;
      try {
        await load();
      } catch (e) {
        $("feed-empty").textContent = "Notifications unavailable: " + e.message;
      }
      follow();
    },
    stop() {
      s.running = false;
      clearTimeout(s.retry);
      if (s.abort) s.abort.abort();
      s.items = [];
      s.unread = 0;
      s.lastId = null;
      $("bell-wrap").hidden = true;
      $("feed").hidden = true;
    },
    state: s,
  };
})();
