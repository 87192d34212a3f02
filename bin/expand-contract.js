#!/usr/bin/env node
// The command-line entry: runs the committed bundle, so `npx expand-contract` needs no build step.
import '../dist/cli.js';
