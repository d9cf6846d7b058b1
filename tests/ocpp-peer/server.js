'use strict';
// Strict OCPP 2.1 CSMS for the ChargePoint tests.
// * Every frame both ways is validated against the vendored OCA schemas (ocpp-client/schemas/ocpp21).
// * Every frame and event is printed to stdout as one JSON line, so tests can assert on the exact traffic.
// * Tests steer it with JSON lines on stdin (see `commands` below); each command is acknowledged with
//   {"event":"ack","ref":...} once done.
const fs = require('fs');
const path = require('path');
const http = require('http');
const https = require('https');
const readline = require('readline');
const { RPCServer, createRPCError, createValidator } = require('ocpp-rpc');

const args = parseArgs(process.argv.slice(2));
const schemaDir = args.schemas || path.join(__dirname, '..', '..', 'ocpp-client', 'schemas', 'ocpp21');
const protocols = (args.protocols || 'ocpp2.1').split(',');
const host = args.host || '127.0.0.1';
let port = Number(args.port || 0);

function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i += 2) out[list[i].replace(/^--/, '')] = list[i + 1];
  return out;
}

function log(event) {
  process.stdout.write(JSON.stringify({ t: new Date().toISOString(), ...event }) + '\n');
}

// The library looks schemas up as urn:<Action>.req / urn:<Action>.conf while the OCA files use
// urn:<Action>Request / urn:<Action>Response, so the ids are rewritten before the validator is built.
function loadSchemas(dir) {
  return fs.readdirSync(dir).filter(f => f.endsWith('.json')).map(f => {
    const schema = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const id = schema.$id;
    if (id.endsWith('Request')) schema.$id = id.slice(0, -'Request'.length) + '.req';
    else if (id.endsWith('Response')) schema.$id = id.slice(0, -'Response'.length) + '.conf';
    else schema.$id = id + '.req';
    return schema;
  });
}

const validator21 = createValidator('ocpp2.1', loadSchemas(schemaDir));
const server = new RPCServer({
  protocols,
  strictMode: protocols.filter(p => p === 'ocpp2.1'),
  strictModeValidators: [validator21],
  respondWithDetailedErrors: true,
  callTimeoutMs: Number(args.callTimeoutMs || 10000),
  pingIntervalMs: 0,
});

const now = () => new Date().toISOString();
const defaults = {
  BootNotification: () => ({ currentTime: now(), interval: 300, status: 'Accepted' }),
  Heartbeat: () => ({ currentTime: now() }),
  Authorize: () => ({ idTokenInfo: { status: 'Accepted' } }),
  StatusNotification: () => ({}),
  TransactionEvent: () => ({}),
  NotifyReport: () => ({}),
  MeterValues: () => ({}),
  SecurityEventNotification: () => ({}),
  NotifyEvent: () => ({}),
  NotifyEVChargingNeeds: () => ({ status: 'Accepted' }),
  NotifyChargingLimit: () => ({}),
  ClearedChargingLimit: () => ({}),
  NotifyEVChargingSchedule: () => ({ status: 'Accepted' }),
  NotifyPriorityCharging: () => ({}),
  ReportChargingProfiles: () => ({}),
  FirmwareStatusNotification: () => ({}),
  LogStatusNotification: () => ({}),
  NotifyMonitoringReport: () => ({}),
  DataTransfer: () => ({ status: 'UnknownVendorId' }),
};
const scripted = new Map(); // action -> [{response|error, times}]
const clients = new Map(); // identity -> client
let lastClient = null;
let accepting = true;

function withNow(value) {
  return JSON.parse(JSON.stringify(value).replace(/"\$now"/g, JSON.stringify(now())));
}

function nextScripted(action) {
  const queue = scripted.get(action);
  if (!queue || queue.length === 0) return null;
  const head = queue[0];
  if (head.times !== undefined && --head.times <= 0) queue.shift();
  return head;
}

// Security profile 3: the common name of the client certificate the TLS layer verified (null without one).
function clientCn(handshake) {
  const socket = handshake.request && handshake.request.socket;
  const cert = socket && typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : null;
  return cert && cert.subject ? cert.subject.CN : null;
}

if (args.password !== undefined) {
  server.auth((accept, reject, handshake) => {
    const ok = handshake.password !== undefined && handshake.password.toString('utf8') === args.password;
    log({ event: 'auth', identity: handshake.identity, passwordOk: ok, protocols: [...handshake.protocols], clientCn: clientCn(handshake) });
    if (!accepting) return reject(503);
    return ok ? accept() : reject(401);
  });
} else {
  server.auth((accept, reject, handshake) => {
    log({ event: 'auth', identity: handshake.identity, passwordOk: null, protocols: [...handshake.protocols], clientCn: clientCn(handshake) });
    return accepting ? accept() : reject(503);
  });
}

server.on('client', client => {
  const identity = client.identity;
  clients.set(identity, client);
  lastClient = client;
  log({ event: 'connected', identity, protocol: client.protocol });
  client.on('message', ({ message, outbound }) => log({ event: 'frame', identity, dir: outbound ? 'toStation' : 'fromStation', message }));
  client.on('strictValidationFailure', e => log({ event: 'strictValidationFailure', identity, method: e.method, outbound: e.outbound, isCall: e.isCall, error: String(e.error && e.error.message) }));
  client.on('badMessage', e => log({ event: 'badMessage', identity, error: String(e.error && e.error.message) }));
  client.on('close', e => {
    if (clients.get(identity) === client) clients.delete(identity);
    log({ event: 'disconnected', identity, code: e.code, reason: String(e.reason || '') });
  });
  client.handle(async ({ method, params }) => {
    const step = nextScripted(method);
    if (step && step.error) throw createRPCError(step.error, step.message || '', {});
    if (step && step.noReply) return new Promise(() => {});
    if (step) return withNow(step.response);
    if (defaults[method]) return defaults[method](params);
    throw createRPCError('NotImplemented', `test CSMS does not handle ${method}`, {});
  });
});

let listener = null;
async function up() {
  if (args.tlsCert) {
    listener = https.createServer({
      cert: fs.readFileSync(args.tlsCert), key: fs.readFileSync(args.tlsKey), minVersion: 'TLSv1.2',
      // --tlsClientCa: mutual TLS (security profile 3); a client without a certificate from this CA is refused.
      ...(args.tlsClientCa ? { ca: fs.readFileSync(args.tlsClientCa), requestCert: true, rejectUnauthorized: true } : {}),
    });
    listener.on('upgrade', server.handleUpgrade);
    await new Promise((resolve, reject) => listener.listen(port, host, err => (err ? reject(err) : resolve())));
  } else {
    listener = await server.listen(port, host);
  }
  const l = listener;
  l.sockets = new Set();
  l.on('connection', s => { l.sockets.add(s); s.on('close', () => l.sockets.delete(s)); });
  port = listener.address().port;
}

// The CSMS "goes away": the port closes and every connection is cut without a close handshake.
async function down() {
  const l = listener;
  listener = null;
  await new Promise(resolve => { l.close(() => resolve()); for (const s of l.sockets) s.destroy(); });
  for (const c of clients.values()) c.close({ code: 1001, force: true }).catch(() => {});
}

const commands = {
  respond: c => { const q = scripted.get(c.action) || []; q.push({ response: c.response, times: c.times }); scripted.set(c.action, q); },
  respondError: c => { const q = scripted.get(c.action) || []; q.push({ error: c.code, message: c.message, times: c.times }); scripted.set(c.action, q); },
  noReply: c => { const q = scripted.get(c.action) || []; q.push({ noReply: true, times: c.times }); scripted.set(c.action, q); },
  clearScript: () => scripted.clear(),
  call: async c => {
    const client = c.identity ? clients.get(c.identity) : lastClient;
    try {
      const result = await client.call(c.action, c.payload);
      log({ event: 'callResult', ref: c.ref, action: c.action, result });
    } catch (err) {
      log({ event: 'callError', ref: c.ref, action: c.action, code: err.rpcErrorCode || 'LocalError', message: String(err.message) });
    }
  },
  raw: c => (c.identity ? clients.get(c.identity) : lastClient).sendRaw(c.text),
  disconnect: async c => { for (const cl of clients.values()) await cl.close({ code: c.code || 1000, force: true }); },
  down: () => down(),
  up: () => up(),
  accept: c => { accepting = !!c.value; },
};

// A test peer must outlive socket errors caused by the tests themselves (e.g. cut connections).
process.on('uncaughtException', err => log({ event: 'uncaught', error: String(err && err.stack) }));

(async () => {
  await up();
  log({ event: 'listening', port, protocols });
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', async line => {
    if (!line.trim()) return;
    let cmd;
    try {
      cmd = JSON.parse(line);
      const run = commands[cmd.cmd];
      if (!run) throw new Error('unknown command ' + cmd.cmd);
      // Calls run in the background so a test can script answers while a call is outstanding.
      if (cmd.cmd === 'call') { run(cmd); log({ event: 'ack', ref: cmd.ref }); return; }
      await run(cmd);
      log({ event: 'ack', ref: cmd.ref });
    } catch (err) {
      log({ event: 'commandFailed', ref: cmd && cmd.ref, error: String(err.message) });
    }
  });
  rl.on('close', () => process.exit(0));
})().catch(err => { log({ event: 'fatal', error: String(err.stack) }); process.exit(1); });
