'use strict';
// Checks the labeled corpus: every test/corpus/NN-slug/ folder has page.json + expected.json,
// page.json is a Confluence REST v2 page object, expected.json entries are well-formed and unique.
// Usage: node test/corpus/validate-corpus.js   (exit code 1 on any problem)
const fs = require('fs');
const path = require('path');

const root = __dirname;
const TYPES = new Set([
  'ec2-instance', 'security-group', 'subnet', 'vpc', 'rds-instance', 'load-balancer', 'elasticache-cluster',
  'ecs-cluster', 'eks-cluster', 'lambda-function', 's3-bucket', 'hostname', 'ip-address', 'region', 'aws-account',
]);
const REGION = /^(?:us-gov|us|eu|ap|sa|ca|me|af|cn|il|mx)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$/;
const NO_REGION = new Set(['hostname', 'aws-account']);
// The contract lowercases ids, DB/LB/cache/bucket names and hosts; ECS/EKS cluster and Lambda function names keep their case.
const CASE_KEPT = new Set(['ip-address', 'ecs-cluster', 'eks-cluster', 'lambda-function']);
const problems = [];
const counts = {};
const pagesPerType = {};
let pages = 0;

const dirs = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const pageIds = new Set();
for (const dir of dirs) {
  const where = (f) => `${dir}/${f}`;
  if (!/^\d{2,3}-[a-z0-9-]+$/.test(dir)) { problems.push(`${dir}: folder name must be NN-slug`); continue; }
  pages++;
  const pagePath = path.join(root, dir, 'page.json');
  const expPath = path.join(root, dir, 'expected.json');
  for (const p of [pagePath, expPath]) if (!fs.existsSync(p)) problems.push(`${where(path.basename(p))}: missing`);
  if (!fs.existsSync(pagePath) || !fs.existsSync(expPath)) continue;
  let page, exp;
  try { page = JSON.parse(fs.readFileSync(pagePath, 'utf8')); } catch (e) { problems.push(`${where('page.json')}: ${e.message}`); }
  try { exp = JSON.parse(fs.readFileSync(expPath, 'utf8')); } catch (e) { problems.push(`${where('expected.json')}: ${e.message}`); }
  if (page) {
    if (typeof page.id !== 'string' || !/^\d+$/.test(page.id)) problems.push(`${where('page.json')}: id must be a numeric string`);
    else if (pageIds.has(page.id)) problems.push(`${where('page.json')}: duplicate page id ${page.id}`);
    else pageIds.add(page.id);
    if (typeof page.title !== 'string' || !page.title) problems.push(`${where('page.json')}: title missing`);
    if (typeof page.spaceId !== 'string' || !page.spaceId) problems.push(`${where('page.json')}: spaceId missing`);
    if (!page.version || !Number.isInteger(page.version.number) || page.version.number < 1) problems.push(`${where('page.json')}: version.number missing`);
    const st = page.body && page.body.storage;
    if (!st || typeof st.value !== 'string' || !st.value) problems.push(`${where('page.json')}: body.storage.value missing`);
    else {
      if (st.representation !== 'storage') problems.push(`${where('page.json')}: body.storage.representation must be "storage"`);
      const kb = Buffer.byteLength(st.value) / 1024;
      if (kb < 1 || kb > 15) problems.push(`${where('page.json')}: body is ${kb.toFixed(1)} KB (want 1-15 KB)`);
    }
  }
  if (exp) {
    if (!Array.isArray(exp.references)) { problems.push(`${where('expected.json')}: references must be an array`); continue; }
    const seen = new Set();
    const typesHere = new Set();
    exp.references.forEach((r, i) => {
      const at = `${where('expected.json')}[${i}]`;
      if (!TYPES.has(r.type)) problems.push(`${at}: unknown type ${r.type}`);
      if (typeof r.value !== 'string' || !r.value) problems.push(`${at}: value missing`);
      else if (r.value !== r.value.toLowerCase() && !CASE_KEPT.has(r.type)) problems.push(`${at}: value not normalized (lowercase)`);
      if (r.region !== null && (typeof r.region !== 'string' || !REGION.test(r.region))) problems.push(`${at}: bad region ${r.region}`);
      if (NO_REGION.has(r.type) && r.region !== null) problems.push(`${at}: ${r.type} never carries a region`);
      if (r.type === 'region' && r.region !== r.value) problems.push(`${at}: region entity must carry its own code`);
      if (r.type === 'aws-account' && !/^\d{12}$/.test(r.value)) problems.push(`${at}: account must be 12 digits`);
      if (r.type === 'ip-address' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(r.value)) problems.push(`${at}: bad IPv4`);
      if (typeof r.placeholder !== 'boolean') problems.push(`${at}: placeholder must be boolean`);
      const extra = Object.keys(r).filter((k) => !['type', 'value', 'region', 'placeholder'].includes(k));
      if (extra.length) problems.push(`${at}: unexpected keys ${extra.join(',')}`);
      const key = `${r.type}|${r.value}|${r.region}`;
      if (seen.has(key)) problems.push(`${at}: duplicate (type, value, region) ${key}`);
      seen.add(key);
      counts[r.type] = (counts[r.type] || 0) + 1;
      typesHere.add(r.type);
      if (page && page.body && page.body.storage && typeof page.body.storage.value === 'string' && typeof r.value === 'string') {
        // the value (or, for typed endpoints, its name part) must literally occur on the page
        const hay = page.body.storage.value.toLowerCase();
        const needle = (r.type === 'aws-account' ? r.value.slice(0, 4) : r.value.split('.')[0]).toLowerCase();
        if (!hay.includes(needle)) problems.push(`${at}: value ${r.value} does not occur on the page`);
      }
    });
    for (const t of typesHere) pagesPerType[t] = (pagesPerType[t] || 0) + 1;
  }
}

console.log(`${pages} pages`);
for (const t of TYPES) console.log(`  ${t.padEnd(20)} ${String(counts[t] || 0).padStart(5)} labels on ${pagesPerType[t] || 0} pages`);
if (problems.length) {
  for (const p of problems) console.error(`PROBLEM ${p}`);
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log('corpus OK');
