// node-forge's oids.js is a 10 KB table; reading an RSA public key needs one entry of it.
var forge = require("node-forge/lib/forge");
forge.pki = forge.pki || {};
module.exports = forge.pki.oids = forge.oids = { rsaEncryption: "1.2.840.113549.1.1.1", "1.2.840.113549.1.1.1": "rsaEncryption" };
