"""Runs the Python client against a running service and its broker (examples/clients-test.sh starts both).

    /usr/bin/python3 examples/python/test_client.py --bootstrap-servers localhost:9092 --contract contract \
        --samples samples

Publishes the samples' comments under unique commentIds, emails and IPs (so that runs never meet each other's
floods or duplicates), reads the decisions with read_committed, and checks them. Ends with 'N passed, N failed'.
"""
import argparse
import copy
import json
import pathlib
import random
import sys
import time
import unicodedata
import unittest
import uuid

import moderation_client as client

ARGS = None
# Samples whose outcome depends on the time between comments (FLOOD, DUPLICATE): the Java contract tests cover them.
TIME_DEPENDENT = {"c-flood", "c-duplicate"}
HELD = {"c-too-many-links", "c-held-term"}
# samples/reviews.jsonl also corrects an automatic approval (contract 2.0): a second final decision.
CORRECTED = "c-valid-two-links"
# A blocked term after an emoji (two UTF-16 units, one code point): the offsets count code points.
EMOJI_COMMENT = "c-blocked-term-after-emoji"


class Run:
    """One run's comments and everything the service decided about them."""

    def __init__(self, args):
        self.prefix = "py-" + uuid.uuid4().hex[:10] + "-"
        self.contract = client.Contract(args.contract)
        self.samples = {}
        self.expected = {}
        self.decisions = {}  # commentId -> every decision read, in arrival order
        self.book = client.DecisionBook()
        self.consumer = client.decision_consumer(args.bootstrap_servers, self.prefix + "decisions")
        self.producer = client.producer(args.bootstrap_servers)
        lines = (pathlib.Path(args.samples) / "comments.jsonl").read_text(encoding="utf-8").splitlines()
        for line in filter(str.strip, lines):
            sample = json.loads(line)
            if sample["commentId"] not in TIME_DEPENDENT:
                self.samples[sample["commentId"]] = sample
        emoji = copy.deepcopy(self.samples["c-valid-minimal"])
        emoji.update(commentId=EMOJI_COMMENT, content="\U0001F3B0 casino night, every Friday")
        self.samples[EMOJI_COMMENT] = emoji

    def unique(self, sample):
        """The sample as a new comment: own commentId, and an email and IP no other comment of any run has."""
        comment = copy.deepcopy(sample)
        comment["commentId"] = self.prefix + sample["commentId"]
        author = comment.get("author")
        if isinstance(author, dict):
            email = author.get("email")
            if isinstance(email, str) and "@" in email:
                local, domain = email.rsplit("@", 1)
                author["email"] = f"{local}+{self.prefix}{sample['commentId']}@{domain}"
            author["ip"] = "10.{}.{}.{}".format(*random.SystemRandom().choices(range(1, 255), k=3))
        return comment

    def publish_samples(self):
        for sample in self.samples.values():
            comment = self.unique(sample)
            problems = client.Contract.problems(self.contract.comment, comment)
            assert not problems, f"{sample['commentId']} is not a valid CommentSubmitted: {problems}"
            client.publish_comment(self.producer, comment)
        self.producer.flush(30)

    def read_until(self, done, timeout_s=90):
        """Polls decisions of this run until done() or the timeout."""
        deadline = time.monotonic() + timeout_s
        while not done() and time.monotonic() < deadline:
            record = self.consumer.poll(0.5)
            if record is None or record.error():
                continue
            decision = json.loads(record.value().decode("utf-8"))
            comment_id = decision.get("commentId", "")
            if comment_id.startswith(self.prefix):
                assert record.key().decode("utf-8") == comment_id, "decisions are keyed by commentId"
                self.decisions.setdefault(comment_id[len(self.prefix):], []).append(decision)
                self.book.offer(decision)

    def first(self, sample_id):
        return self.decisions.get(sample_id, [None])[0]


class ClientTests(unittest.TestCase):

    session = None

    @classmethod
    def setUpClass(cls):
        cls.session = Run(ARGS)
        cls.session.publish_samples()
        cls.session.read_until(lambda: all(s in cls.session.decisions for s in cls.session.samples))
        # The moderator's verdicts on the held samples, then their final decisions.
        for line in filter(str.strip, (pathlib.Path(ARGS.samples) / "reviews.jsonl").read_text("utf-8").splitlines()):
            review = json.loads(line)
            review["commentId"] = cls.session.prefix + review["commentId"]
            assert not client.Contract.problems(cls.session.contract.review, review)
            client.publish_review(cls.session.producer, review)
        cls.session.producer.flush(30)
        cls.session.read_until(lambda: all(len(cls.session.decisions.get(s, [])) >= 2 for s in HELD | {CORRECTED}))

    @classmethod
    def tearDownClass(cls):
        cls.session.consumer.close()

    def test_every_comment_gets_a_decision(self):
        self.assertEqual(sorted(self.session.samples), sorted(self.session.decisions))

    def test_every_decision_is_valid_against_the_schema(self):
        for sample_id, decisions in self.session.decisions.items():
            for decision in decisions:
                self.assertEqual([], client.Contract.problems(self.session.contract.decision, decision), sample_id)

    def test_valid_comments_are_approved_with_no_reasons(self):
        for sample_id in (s for s in self.session.samples if s.startswith("c-valid")):
            decision = self.session.first(sample_id)
            self.assertEqual(("APPROVED", []), (decision["decision"], decision["reasons"]), sample_id)

    def test_each_rejected_sample_is_rejected_for_the_reason_its_id_names(self):
        rejected = [s for s in self.session.samples if not s.startswith("c-valid") and s not in HELD]
        for sample_id in rejected:
            decision = self.session.first(sample_id)
            named = sample_id[2:].upper().replace("-", "_")
            self.assertEqual("REJECTED", decision["decision"], sample_id)
            self.assertTrue(any(named.startswith(r["code"]) for r in decision["reasons"]),
                            (sample_id, decision["reasons"]))

    def test_held_samples_are_held_then_decided_by_the_moderator(self):
        expected = {"c-too-many-links": "APPROVED", "c-held-term": "REJECTED"}
        for sample_id, final in expected.items():
            held, verdict = self.session.decisions[sample_id][:2]
            self.assertEqual("HELD", held["decision"], sample_id)
            self.assertEqual(final, verdict["decision"], sample_id)
            self.assertEqual("anna.moderator", verdict["review"]["moderator"], sample_id)

    def test_the_book_keeps_the_final_decision_of_a_held_comment(self):
        for sample_id in HELD:
            self.assertIn(self.session.book.get(self.session.prefix + sample_id)["decision"], client.FINAL, sample_id)

    def test_a_moderators_correction_replaces_the_automatic_approval(self):
        approved, corrected = self.session.decisions[CORRECTED][:2]
        self.assertEqual(("APPROVED", "REJECTED"), (approved["decision"], corrected["decision"]))
        self.assertGreater(corrected.get("revision", 1), approved.get("revision", 1))
        self.assertEqual(corrected, self.session.book.get(self.session.prefix + CORRECTED))

    def test_a_held_arriving_after_the_final_decision_is_ignored(self):
        held, final = self.session.decisions["c-too-many-links"][:2]
        book = client.DecisionBook()
        self.assertTrue(book.offer(final))
        self.assertFalse(book.offer(held))
        self.assertEqual("APPROVED", book.get(final["commentId"])["decision"])

    def test_a_later_revision_replaces_a_final_decision(self):
        final = self.session.decisions["c-too-many-links"][1]
        correction = dict(final, decision="REJECTED", revision=final.get("revision", 1) + 1)
        book = client.DecisionBook()
        book.offer(final)
        self.assertTrue(book.offer(correction))
        self.assertFalse(book.offer(final))
        self.assertEqual("REJECTED", book.get(final["commentId"])["decision"])

    def test_match_offsets_are_code_points_into_the_field(self):
        decision = self.session.first(EMOJI_COMMENT)
        match = next(r["match"] for r in decision["reasons"] if r["code"] == "BLOCKED_TERM")
        content = self.session.samples[EMOJI_COMMENT]["content"]
        self.assertEqual("casino", content[match["start"]:match["end"]])

    def test_a_disguised_term_is_matched_where_it_is(self):
        decision = self.session.first("c-blocked-term-fullwidth")
        reason = next(r for r in decision["reasons"] if r["code"] == "BLOCKED_TERM")
        value = self.session.samples["c-blocked-term-fullwidth"]
        for part in reason["field"].split("."):
            value = value[part]
        found = value[reason["match"]["start"]:reason["match"]["end"]]
        self.assertEqual(reason["match"]["term"], unicodedata.normalize("NFKC", found).casefold())


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap-servers", default="localhost:9092")
    parser.add_argument("--contract", default="contract")
    parser.add_argument("--samples", default="samples")
    ARGS = parser.parse_args()
    result = unittest.TextTestRunner(verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(ClientTests))
    failed = len(result.failures) + len(result.errors)
    print(f"python client: {result.testsRun - failed} passed, {failed} failed")
    return 1 if failed or not result.wasSuccessful() else 0


if __name__ == "__main__":
    sys.exit(main())
