'use strict';
// A site's side of comment-moderation in Node: publish comments, read decisions, keep the one to show.
// kafkajs for Kafka, Ajv (draft 2020-12) for the JSON Schemas in contract/. See docs/integration.md.
const fs = require('node:fs');
const path = require('node:path');
const { Kafka, Partitioners, logLevel } = require('kafkajs');
const Ajv2020 = require('ajv/dist/2020');

const DECISION_TOPICS = ['comments.approved', 'comments.rejected', 'comments.held'];
const SUBMITTED_TOPIC = 'comments.submitted';
const REVIEWED_TOPIC = 'comments.reviewed';
const FINAL = new Set(['APPROVED', 'REJECTED']);

/** The event schemas of contract/*.json; each validate(event) returns the problems, empty when valid. */
function contract(contractDir) {
  // validateFormats off: in draft 2020-12 formats are annotations, and the contract says so. strictTypes off: the
  // schemas' if/then branches constrain properties whose type the main schema already gives.
  const ajv = new Ajv2020({ allErrors: true, validateFormats: false, strictTypes: false });
  const validator = (name) => {
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(contractDir, name), 'utf8')));
    return (event) => (validate(event) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`));
  };
  return {
    comment: validator('comment-submitted.schema.json'),
    decision: validator('moderation-decision.schema.json'),
    review: validator('moderator-review.schema.json'),
  };
}

function kafka(brokers, clientId) {
  return new Kafka({ clientId, brokers, logLevel: logLevel.WARN });
}

/** An idempotent producer that partitions keys as the Java client does (murmur2), so keys land alike. */
function producer(client) {
  return client.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
}

/** Sends one CommentSubmitted. The key is the postId (the commentId without one): see docs/integration.md. */
async function publishComment(producer, comment) {
  const key = comment.postId || comment.commentId;
  await producer.send({ topic: SUBMITTED_TOPIC, acks: -1, messages: [{ key, value: JSON.stringify(comment) }] });
}

async function publishReview(producer, review) {
  await producer.send({ topic: REVIEWED_TOPIC, acks: -1, messages: [{ key: review.commentId, value: JSON.stringify(review) }] });
}

/** A consumer of the three decision topics. readUncommitted false = read_committed: decisions are transactional. */
async function subscribeToDecisions(client, groupId, onDecision) {
  const consumer = client.consumer({ groupId, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topics: DECISION_TOPICS, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => onDecision(JSON.parse(message.value.toString('utf8')), message.key.toString('utf8')),
  });
  return consumer;
}

/**
 * The decision a site shows, per commentId, whatever order the three topics deliver in. The rule of
 * docs/integration.md: keep the highest `revision`; at the same revision a final decision (APPROVED, REJECTED)
 * replaces a HELD, never the other way round; anything else is a re-emission or a late, older decision and is
 * ignored. A decision without `revision` (older service versions) counts as 1.
 */
class DecisionBook {
  constructor() {
    this.decisions = new Map();
  }

  /** Takes a decision if it is newer than the one kept; returns whether it did. */
  offer(decision) {
    const known = this.decisions.get(decision.commentId);
    if (known === undefined || compare(decision, known) > 0) {
      this.decisions.set(decision.commentId, decision);
      return true;
    }
    return false;
  }

  get(commentId) {
    return this.decisions.get(commentId);
  }
}

function compare(a, b) {
  const revision = (a.revision ?? 1) - (b.revision ?? 1);
  return revision !== 0 ? revision : Number(FINAL.has(a.decision)) - Number(FINAL.has(b.decision));
}

/**
 * A match's offsets count Unicode code points; JavaScript strings index UTF-16 units. Returns [from, to] for
 * value.slice(from, to), setSelectionRange and the like.
 */
function utf16Range(value, start, end) {
  const codePoints = Array.from(value);
  const from = codePoints.slice(0, start).join('').length;
  return [from, from + codePoints.slice(start, end).join('').length];
}

module.exports = {
  DECISION_TOPICS, FINAL, DecisionBook, contract, kafka, producer, publishComment, publishReview, subscribeToDecisions, utf16Range,
};
