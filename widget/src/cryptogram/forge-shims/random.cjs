// node-forge's random.js is a Fortuna PRNG (with AES and SHA-256) that also listens to the mouse
// for entropy. The browser has crypto.getRandomValues; this exposes it under forge.random's API.
var forge = require("node-forge/lib/forge");

var MAX_PER_CALL = 65536; // getRandomValues throws above this

function getBytesSync(count) {
  var bytes = new Uint8Array(count);
  for (var offset = 0; offset < count; offset += MAX_PER_CALL) {
    globalThis.crypto.getRandomValues(bytes.subarray(offset, Math.min(count, offset + MAX_PER_CALL)));
  }
  var out = "";
  for (var i = 0; i < count; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

function getBytes(count, callback) {
  var bytes = getBytesSync(count);
  if (typeof callback === "function") {
    callback(null, bytes);
    return undefined;
  }
  return bytes;
}

module.exports = forge.random = { getBytes: getBytes, getBytesSync: getBytesSync };
