'use strict';
// The Node client against a running service and its broker (examples/clients-test.sh starts both):
//   MODERATION_BOOTSTRAP_SERVERS=localhost:9092 npm test
// Publishes the samples' comments under unique commentIds, emails and IPs (so that runs never meet each other's
// floods or duplicates), reads the decisions with read_committed, and checks them.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const client = require('../moderation-client');

const ROOT = path.join(__dirname, '..', '..', '..');
const BROKERS = (process.env.MODERATION_BOOTSTRAP_SERVERS || 'localhost:9092').split(',');
const CONTRACT = client.contract(path.join(ROOT, 'contract'));
// Their outcome depends on the time between comments (FLOOD, DUPLICATE): the Java contract tests cover them.
const TIME_DEPENDENT = new Set(['c-flood', 'c-duplicate']);
const HELD = ['c-too-many-links', 'c-held-term'];
// samples/reviews.jsonl also corrects an automatic approval (contract 2.0): a second final decision.
const CORRECTED = 'c-valid-two-links';
// A blocked term after an emoji: the emoji is one code point but two UTF-16 units.
const EMOJI = 'c-blocked-term-after-emoji';

const prefix = `node-${crypto.randomBytes(5).toString('hex')}-`;
const samples = new Map();
const decisions = new Map(); // sample id -> every decision read, in arrival order
const book = new client.DecisionBook();
let kafka;
let producer;
let consumer;

function lines(file) {
  return fs.readFileSync(path.join(ROOT, 'samples', file), 'utf8').split('\n').filter((line) => line.trim());
}

/** The sample as a new comment: own commentId, and an email and IP no other comment of any run has. */
function unique(sample) {
  const comment = structuredClone(sample);
  comment.commentId = prefix + sample.commentId;
  if (comment.author && typeof comment.author === 'object') {
    const email = comment.author.email;
    if (typeof email === 'string' && email.includes('@')) {
      const at = email.lastIndexOf('@');
      comment.author.email = `${email.slice(0, at)}+${prefix}${sample.commentId}${email.slice(at)}`;
    }
    comment.author.ip = `10.${[0, 0, 0].map(() => crypto.randomInt(1, 255)).join('.')}`;
  }
  return comment;
}

async function until(done, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out; decisions so far: ${[...decisions.keys()].join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

before(async () => {
  for (const line of lines('comments.jsonl')) {
    const sample = JSON.parse(line);
    if (!TIME_DEPENDENT.has(sample.commentId)) samples.set(sample.commentId, sample);
  }
  samples.set(EMOJI, { ...structuredClone(samples.get('c-valid-minimal')), commentId: EMOJI, content: '\u{1F3B0} casino night, every Friday' });

  kafka = client.kafka(BROKERS, prefix + 'test');
  consumer = await client.subscribeToDecisions(kafka, prefix + 'decisions', (decision, key) => {
    if (!decision.commentId.startsWith(prefix)) return;
    assert.equal(key, decision.commentId, 'decisions are keyed by commentId');
    const id = decision.commentId.slice(prefix.length);
    decisions.set(id, [...(decisions.get(id) || []), decision]);
    book.offer(decision);
  });
  producer = client.producer(kafka);
  await producer.connect();
  for (const sample of samples.values()) {
    const comment = unique(sample);
    assert.deepEqual(CONTRACT.comment(comment), [], `${sample.commentId} is a valid CommentSubmitted`);
    await client.publishComment(producer, comment);
  }
  await until(() => [...samples.keys()].every((id) => decisions.has(id)));
  // The moderator's verdicts on the held samples, then their final decisions.
  for (const line of lines('reviews.jsonl')) {
    const review = { ...JSON.parse(line) };
    review.commentId = prefix + review.commentId;
    assert.deepEqual(CONTRACT.review(review), []);
    await client.publishReview(producer, review);
  }
  await until(() => [...HELD, CORRECTED].every((id) => (decisions.get(id) || []).length >= 2));
});

after(async () => {
  await Promise.allSettled([producer?.disconnect(), consumer?.disconnect()]);
});

const first = (id) => decisions.get(id)[0];

test('every comment gets a decision', () => {
  assert.deepEqual([...decisions.keys()].sort(), [...samples.keys()].sort());
});

test('every decision is valid against the schema', () => {
  for (const [id, all] of decisions) {
    for (const decision of all) assert.deepEqual(CONTRACT.decision(decision), [], id);
  }
});

test('valid comments are approved with no reasons', () => {
  for (const id of [...samples.keys()].filter((s) => s.startsWith('c-valid'))) {
    assert.deepEqual([first(id).decision, first(id).reasons], ['APPROVED', []], id);
  }
});

test('each rejected sample is rejected for the reason its id names', () => {
  for (const id of [...samples.keys()].filter((s) => !s.startsWith('c-valid') && !HELD.includes(s))) {
    const named = id.slice(2).toUpperCase().replaceAll('-', '_');
    assert.equal(first(id).decision, 'REJECTED', id);
    assert.ok(first(id).reasons.some((r) => named.startsWith(r.code)), `${id}: ${JSON.stringify(first(id).reasons)}`);
  }
});

test('held samples are held, then decided by the moderator', () => {
  for (const [id, final] of [['c-too-many-links', 'APPROVED'], ['c-held-term', 'REJECTED']]) {
    const [held, verdict] = decisions.get(id);
    assert.equal(held.decision, 'HELD', id);
    assert.equal(verdict.decision, final, id);
    assert.equal(verdict.review.moderator, 'anna.moderator', id);
  }
});

test('the book keeps the final decision of a held comment', () => {
  for (const id of HELD) assert.ok(client.FINAL.has(book.get(prefix + id).decision), id);
});

test("a moderator's correction replaces the automatic approval", () => {
  const [approved, corrected] = decisions.get(CORRECTED);
  assert.deepEqual([approved.decision, corrected.decision], ['APPROVED', 'REJECTED']);
  assert.ok((corrected.revision ?? 1) > (approved.revision ?? 1));
  assert.deepEqual(book.get(prefix + CORRECTED), corrected);
});

test('a HELD arriving after the final decision is ignored', () => {
  const [held, final] = decisions.get('c-too-many-links');
  const late = new client.DecisionBook();
  assert.equal(late.offer(final), true);
  assert.equal(late.offer(held), false);
  assert.equal(late.get(final.commentId).decision, 'APPROVED');
});

test('a later revision replaces a final decision', () => {
  const final = decisions.get('c-too-many-links')[1];
  const correction = { ...final, decision: 'REJECTED', revision: (final.revision ?? 1) + 1 };
  const corrected = new client.DecisionBook();
  corrected.offer(final);
  assert.equal(corrected.offer(correction), true);
  assert.equal(corrected.offer(final), false);
  assert.equal(corrected.get(final.commentId).decision, 'REJECTED');
});

test('match offsets are code points: utf16Range turns them into a JavaScript slice', () => {
  const { match } = first(EMOJI).reasons.find((r) => r.code === 'BLOCKED_TERM');
  const content = samples.get(EMOJI).content;
  assert.deepEqual([match.start, match.end], [2, 8]);
  assert.equal(content.slice(match.start, match.end), ' casin', 'code points used as UTF-16 indexes are off by one');
  const [from, to] = client.utf16Range(content, match.start, match.end);
  assert.equal(content.slice(from, to), 'casino');
});
