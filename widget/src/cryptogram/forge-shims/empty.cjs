// Stands in for node-forge modules that public-key PKCS#1 v1.5 encryption never calls.
module.exports = {};
