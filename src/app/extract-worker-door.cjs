// The door piscina opens to the extraction worker (extract-pool.ts). piscina first require()s its worker file, and on
// Node 20 a require() of an ES module in a worker thread can abort the whole process in V8 ("Module::IsGraphAsync must
// be used on an instantiated module", met once in CI). This CommonJS file loads the ES module worker with a dynamic
// import() instead, once per thread, and hands each task to it.
'use strict';

let worker = null;
const load = () => (worker ??= import('./extract-worker.js'));

exports.__esModule = true;
exports.default = async (job) => (await load()).default(job);
exports.readArticleJob = async (job) => (await load()).readArticleJob(job);
