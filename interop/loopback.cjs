// Preloaded with `node --require ./loopback.cjs ...` into a server that binds every interface (the reference
// server-everything does): every TCP listen() is forced onto 127.0.0.1, and the address actually bound is printed as
// "Loopback MCP endpoint: http://127.0.0.1:PORT/mcp" so that scripts can start it with PORT=0.
'use strict';
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
}

net.Server.prototype.listen = function (...args) {
  if (args[0] !== null && typeof args[0] === 'object' && !Array.isArray(args[0]) && !('_handle' in args[0])) {
    if (args[0].path === undefined) {
      args[0] = { ...args[0], host: LOOPBACK };
    }
  } else if (isPort(args[0])) {
    if (typeof args[1] === 'string') {
      args[1] = LOOPBACK;
    } else {
      args.splice(1, 0, LOOPBACK);
    }
  } else if (args.length === 0 || typeof args[0] === 'function') {
    args.unshift(0, LOOPBACK);
  }
  this.once('listening', () => {
    const address = this.address();
    if (address && typeof address === 'object') {
      console.error(`Loopback MCP endpoint: http://${LOOPBACK}:${address.port}/mcp`);
    }
  });
  return listen.apply(this, args);
};
