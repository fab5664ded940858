// wink-nlp's sentence boundary detection on its own (no parts of speech or entities), for sentences.ts through
// nlp.ts sentenceBounds(). Plain CommonJS so that nlp.ts can require it at first use: Node's module cache then holds
// the one instance of the process, as it holds the model (building an instance takes some 120 ms; an article, 2).
'use strict';
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

module.exports = winkNLP(model, ['sbd']);
