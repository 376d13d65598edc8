'use strict';
// Runs the tests with Node's own runner and ends with the line examples/clients-test.sh looks for.
const path = require('node:path');
const { run } = require('node:test');
const { spec } = require('node:test/reporters');

let passed = 0;
let failed = 0;
const stream = run({ files: [path.join(__dirname, 'client.test.js')], timeout: 180_000 });
stream.on('test:pass', (event) => { if (event.nesting === 0 && !event.skip) passed++; });
stream.on('test:fail', (event) => { if (event.nesting === 0) failed++; });
stream.compose(spec).pipe(process.stdout);
// On exit, so that it comes after the reporter's summary.
process.on('exit', () => {
  console.log(`node client: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
});
