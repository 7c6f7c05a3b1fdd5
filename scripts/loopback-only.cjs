// Preloaded (node --require) into tools that phone home (Electronegativity fetches translations and Electron's
// release list at every run): any connection or DNS lookup for a non-loopback address fails at once, locally.
const dns = require('node:dns');
const net = require('node:net');

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/i;
const refuse = (host) => Object.assign(new Error(`network disabled: ${host}`), { code: 'ENETUNREACH' });

const lookup = dns.lookup;
dns.lookup = function (host, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  if (!LOOPBACK.test(String(host))) return process.nextTick(() => cb(refuse(host)));
  return lookup.apply(this, arguments);
};
dns.promises.lookup = async (host, ...rest) => {
  if (!LOOPBACK.test(String(host))) throw refuse(host);
  return lookup.__promisified__ ? lookup.__promisified__(host, ...rest) : require('node:util').promisify(lookup)(host, ...rest);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect() and http's agent pass their arguments already normalized, as one array whose first item holds
  // the options; tls passes the options object; socket.connect(port, host) passes them as they are.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const opts = typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : 'localhost' };
  const host = opts.path ? 'localhost' : String(opts.host ?? 'localhost');
  if (!LOOPBACK.test(host)) {
    process.nextTick(() => this.destroy(refuse(host)));
    return this;
  }
  return connect.apply(this, args);
};
