#!/usr/bin/env node
// Fails (exit 1) unless a build's index.html carries the Content-Security-Policy meta tag with no
// inline script and no 'unsafe-eval'. Usage: node tests/build/check-csp.mjs [distDir]
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] ?? 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
const problems = [];
if (!meta) problems.push('no Content-Security-Policy meta tag');
else {
  const policy = meta[1];
  if (!/script-src 'self'(;|$)/.test(policy)) problems.push(`script-src is not 'self' only`);
  if (/unsafe-eval/.test(policy)) problems.push(`the policy allows 'unsafe-eval'`);
  if (/script-src[^;]*unsafe-inline/.test(policy)) problems.push('the policy allows inline script');
  if (html.indexOf(meta[0]) > html.search(/<script/i))
    problems.push('a script comes before the policy');
}
const inline = html.match(/<script(?![^>]*\bsrc=)[^>]*>/gi) ?? [];
if (inline.length > 0) problems.push(`${inline.length} inline script(s) in index.html`);
if (problems.length > 0) {
  console.error(`check-csp: ${dist}/index.html: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(`check-csp: ${dist}/index.html carries a strict Content-Security-Policy`);
