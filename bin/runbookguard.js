#!/usr/bin/env node
'use strict';
require('../dist/src/cli/main.js')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // Last-resort guard: a bug must still end in one clear line, never a stack trace.
      process.stderr.write(
        `runbookguard: internal error: ${err && err.message ? err.message : String(err)}\n`,
      );
      process.exitCode = 70;
    },
  );
