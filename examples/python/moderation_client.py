"""A site's side of comment-moderation in Python: publish comments, read decisions, keep the one to show.

Uses confluent-kafka (librdkafka) and jsonschema (draft 2020-12) against the JSON Schemas in contract/.
See docs/integration.md for the contract this follows.
"""
import json
import pathlib

from confluent_kafka import Consumer, Producer
from jsonschema import Draft202012Validator

DECISION_TOPICS = ["comments.approved", "comments.rejected", "comments.held"]
SUBMITTED_TOPIC = "comments.submitted"
REVIEWED_TOPIC = "comments.reviewed"
FINAL = {"APPROVED", "REJECTED"}


class Contract:
    """The event schemas of contract/*.json, each checked as the draft 2020-12 schema it declares."""

    def __init__(self, contract_dir):
        def validator(name):
            schema = json.loads((pathlib.Path(contract_dir) / name).read_text(encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
            # No format checker: in draft 2020-12 formats are annotations, and the contract says so.
            return Draft202012Validator(schema)

        self.comment = validator("comment-submitted.schema.json")
        self.decision = validator("moderation-decision.schema.json")
        self.review = validator("moderator-review.schema.json")

    @staticmethod
    def problems(validator, event):
        """Every way the event breaks its schema, as '<path>: <message>' lines (empty when valid)."""
        return ["/".join(map(str, error.absolute_path)) + ": " + error.message
                for error in validator.iter_errors(event)]


def producer(bootstrap_servers):
    # Idempotent: a retried send is never written twice. Wait for all in-sync replicas.
    return Producer({"bootstrap.servers": bootstrap_servers, "enable.idempotence": True, "acks": "all"})


def publish_comment(kafka, comment):
    """Sends one CommentSubmitted. The key is the postId (the commentId without one): see docs/integration.md."""
    key = comment.get("postId") or comment["commentId"]
    kafka.produce(SUBMITTED_TOPIC, key=key.encode("utf-8"),
                  value=json.dumps(comment, ensure_ascii=False).encode("utf-8"))


def publish_review(kafka, review):
    kafka.produce(REVIEWED_TOPIC, key=review["commentId"].encode("utf-8"),
                  value=json.dumps(review, ensure_ascii=False).encode("utf-8"))


def decision_consumer(bootstrap_servers, group_id):
    # read_committed: decisions are written in Kafka transactions; without it a consumer may see aborted ones.
    consumer = Consumer({
        "bootstrap.servers": bootstrap_servers,
        "group.id": group_id,
        "isolation.level": "read_committed",
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
    })
    consumer.subscribe(DECISION_TOPICS)
    return consumer


class DecisionBook:
    """The decision a site shows, per commentId, whatever order the three topics deliver in.

    The rule of docs/integration.md: keep the highest `revision`; at the same revision a final decision
    (APPROVED, REJECTED) replaces a HELD, never the other way round; anything else is a re-emission or a late,
    older decision and is ignored. A decision without `revision` (older service versions) counts as 1.
    """

    def __init__(self):
        self._decisions = {}

    def offer(self, decision):
        """Takes a decision if it is newer than the one kept; returns whether it did."""
        known = self._decisions.get(decision["commentId"])
        if known is None or _rank(decision) > _rank(known):
            self._decisions[decision["commentId"]] = decision
            return True
        return False

    def get(self, comment_id):
        return self._decisions.get(comment_id)


def _rank(decision):
    return (decision.get("revision", 1), decision["decision"] in FINAL)
