// A test in another language: plain fetch (Node 18+) against the loopback fake.
// Environment: what `python -m hms_async.testing serve` prints.
import assert from "node:assert/strict";

const api = process.env.HMS_BASE_URL;
const control = process.env.HMS_FAKE_CONTROL_URL;
const auth = { Authorization: `Bearer ${process.env.HMS_MANAGEMENT_TOKEN}` };

async function call(method, url, body, headers = auth) {
  const response = await fetch(url, {
    method,
    headers: { ...headers, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const room = await call("POST", `${api}rooms`, { name: "from-node" });
assert.equal(room.status, 200);

const peer = await call("POST", `${control}rooms/${room.json.id}/peers`, {
  role: "host",
  name: "node-peer",
}, {});
assert.equal(peer.status, 200);

const active = await call("GET", `${api}active-rooms/${room.json.id}`);
assert.equal(active.status, 200);
assert.equal(active.json.session.id, peer.json.session_id);
const peers = await call("GET", `${api}active-rooms/${room.json.id}/peers`);
assert.deepEqual(Object.keys(peers.json.peers), [peer.json.id]);
assert.equal(peers.json.peers[peer.json.id].name, "node-peer");

const ended = await call("POST", `${api}active-rooms/${room.json.id}/end-room`, {
  reason: "done",
});
assert.equal(ended.status, 200);
const after = await call("GET", `${api}active-rooms/${room.json.id}`);
assert.equal(after.status, 404);
assert.equal(after.json.code, 404);

let deliveries;
for (let i = 0; i < 200; i += 1) {
  deliveries = (await call("GET", `${control}webhooks/deliveries`, undefined, {})).json;
  if (deliveries.pending === 0 && deliveries.attempts.length >= 5) break;
  await new Promise((resolve) => setTimeout(resolve, 25));
}
console.log(JSON.stringify({
  room_id: room.json.id,
  peer_id: peer.json.id,
  delivered: deliveries.attempts.filter((a) => a.delivered).map((a) => a.type),
}));
