package dev.commentmoderation.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import dev.commentmoderation.stage.AuthorComment;
import dev.commentmoderation.stage.AuthorRecord;
import dev.commentmoderation.stage.AuthorStage;
import dev.commentmoderation.stage.CommentClassifier;
import dev.commentmoderation.stage.CommentRules;
import dev.commentmoderation.stage.IpRecord;
import dev.commentmoderation.stage.IpStage;
import dev.commentmoderation.stage.ReviewStage;
import dev.commentmoderation.stage.StoredAction;
import dev.commentmoderation.stage.StoredDecision;
import dev.commentmoderation.stage.ToAuthor;
import dev.commentmoderation.stage.ToComment;
import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.rules.StatefulSettings;

/**
 * The moderation topology, one exactly-once Kafka Streams application:
 * <ol>
 * <li>{@code moderate-comment} (submitted topic's partitions): parse, stateless rules; invalid envelopes to the
 * dead-letter topic; comments without a valid email rejected right away (no state); the rest re-keyed by IP
 * into repartition {@value #BY_IP}.</li>
 * <li>{@code check-ip-flood} (by IP; store {@value #IP_LAST_COMMENT}): when this IP last commented; re-keyed by
 * normalized author email into repartition {@value #BY_AUTHOR}.</li>
 * <li>{@code decide-comment} (by author; stores {@value #DECISIONS}, {@value #AUTHOR_LAST_COMMENT},
 * {@value #COMMENT_FINGERPRINTS}, {@value #AUTHOR_STANDING}): resubmission, duplicate, flood, trusted author,
 * decision to the approved, rejected or held topic, keyed by commentId; a held comment's status to repartition
 * {@value #STATUS_BY_COMMENT}. Also reads the final decisions of reviewed comments from repartition
 * {@value #REVIEWED_BY_AUTHOR}.</li>
 * <li>{@code read-decision} (the approved and rejected topics' partitions, keyed by commentId like the review stage's
 * repartition topics): an approved or rejected comment's first decision, read back from its event, to the review
 * stage without a hop.</li>
 * <li>{@code parse-review} (reviewed topic's partitions): parse a moderator's review; re-keyed by commentId into
 * repartition {@value #REVIEWS_BY_COMMENT}.</li>
 * <li>{@code review-comment} (by commentId; stores {@value #HELD_COMMENTS}, {@value #COMMENT_HISTORY}): moderators'
 * verdicts: the final decision of a held comment or a correction of a final one, as a new revision, to the approved
 * or rejected topic and back to the author.</li>
 * <li>{@code parse-author-action} (author-actions topic's partitions): a moderator's action on an author, to the
 * author's partition with the revisions (repartition {@value #REVIEWED_BY_AUTHOR}; stores {@value #AUTHOR_ACTIONS},
 * {@value #AUTHOR_COMMENTS} beside the author stage's others).</li>
 * </ol>
 * Every internal topic and store has an explicit name, so internal topic names
 * ({@code <application.id>-<name>-repartition}, {@code <application.id>-<store>-changelog}) are stable.
 * Repartition topics get {@link Topics#partitions()} partitions, so the inputs of each stateful stage are
 * co-partitioned; the approved and rejected topics must have as many ({@code DecisionTopicsCheck} stops start-up
 * otherwise). Every topic's key and value types are in {@link Schemas}.
 */
public final class ModerationTopology {

	public static final String BY_IP = "comments-by-ip";

	public static final String BY_AUTHOR = "comments-by-author";

	public static final String REVIEWED_BY_AUTHOR = "reviews-by-author";

	public static final String STATUS_BY_COMMENT = "decisions-by-comment";

	public static final String REVIEWS_BY_COMMENT = "reviews-by-comment";

	/** One record per IP: its latest comments (stage.IpRecord). */
	public static final String IP_RECORDS = "ip-records";

	/** One record per author: last comment, standing, recent fingerprints (stage.AuthorRecord). */
	public static final String AUTHOR_RECORDS = "author-records";

	/** How often (stream time) the IP and author stages delete records that have expired. */
	static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

	public static final String DECISIONS = "decisions";

	public static final String HELD_COMMENTS = "held-comments";

	/** Every decided comment, by commentId, for the decision retention: revisions and verdicts. */
	public static final String COMMENT_HISTORY = "comment-history";

	/** Moderators' actions in force, by author. */
	public static final String AUTHOR_ACTIONS = "author-actions";

	/** Each author's comments and their outcomes, for the decision retention. */
	public static final String AUTHOR_COMMENTS = "author-comments";

	/** Labels from verdicts (and autolearn), keyed by model: a site's, or the shared one. */
	public static final String LABELS_BY_MODEL = "labels-by-model";

	/** Per model and commentId, the label and tokens learned. */
	public static final String LABEL_LEDGER = "label-ledger";

	/** The model stage's records of the models it writes (the model topic's records, by model). */
	public static final String MODEL_TOKENS = "model-tokens";

	/** The global store of the model topic: every instance scores with it. */
	public static final String CLASSIFIER_MODEL = "classifier-model";

	/** Out-of-order slack kept on top of the flood interval in the flood stores. */
	static final Duration FLOOD_SLACK = Duration.ofMinutes(1);

	/**
	 * The topic names the topology reads and writes, and the partitions of its repartition topics.
	 */
	public record Topics(String submitted, String approved, String rejected, String deadLetter, String held,
			String reviewed, String authorActions, String classifierModel, int partitions) {

	}

	private final Topics topics;

	private final CommentRules rules;

	private final StatefulSettings settings;

	private final Duration maxFloodInterval;

	private final ModerationListener listener;

	private final Clock clock;

	/** The spam classifier; null when it is off. */
	private final CommentClassifier classifier;

	/**
	 * The one way to build the topology: the service and every test use it.
	 *
	 * @param rules the active policy's rules, asked once per comment
	 * @param settings retentions; its flood interval and trusted-author count serve comments that carry no policy
	 * rules (read before policies existed)
	 * @param maxFloodInterval the longest flood interval any policy may set: the flood stores keep that long
	 * @param classifier the spam classifier's settings, or null when the classifier is off (no model stage, no
	 * scores)
	 */
	public ModerationTopology(Topics topics, CommentRules rules, StatefulSettings settings,
			Duration maxFloodInterval, ModerationListener listener, Clock clock, ClassifierSettings classifier) {
		this.topics = topics;
		this.rules = rules;
		this.settings = settings;
		// checked once, where it is set (policy.FloodLimit): no policy's flood interval is longer
		this.maxFloodInterval = maxFloodInterval;
		this.listener = listener;
		this.clock = clock;
		this.classifier = (classifier != null) ? new CommentClassifier(classifier) : null;
	}

	public void addTo(StreamsBuilder builder) {
		DecisionWriter writer = new DecisionWriter();
		StatefulSettings settings = this.settings;
		Duration floodRetention = this.maxFloodInterval.plus(FLOOD_SLACK);
		IpStage ipStage = new IpStage(floodRetention);
		AuthorStage authorStage = new AuthorStage(settings, writer, this.clock);
		ReviewStage reviewStage = new ReviewStage(settings.heldRetention(), settings.decisionRetention(), writer,
				this.clock, this.classifier);
		builder.addStateStore(keyValue(IP_RECORDS, IpRecord.class));
		builder.addStateStore(keyValue(AUTHOR_RECORDS, AuthorRecord.class));
		builder.addStateStore(window(DECISIONS, settings.decisionRetention(), StateSerde.of(StoredDecision.class)));
		builder.addStateStore(keyValue(AUTHOR_ACTIONS, StoredAction.class));
		// one record per outcome, several per author at one time possible: duplicates kept
		builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(AUTHOR_COMMENTS,
				atLeastOneMilli(settings.decisionRetention()), Duration.ofMillis(1), true), Serdes.String(),
				StateSerde.of(AuthorComment.class)));
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HELD_COMMENTS),
				Serdes.String(), StateSerde.commentState()));
		builder.addStateStore(window(COMMENT_HISTORY, settings.decisionRetention(), StateSerde.commentState()));

		// 1. parse, stateless rules and classifier: to the IP stage, or straight to the author stage without an IP
		Topic<byte[], byte[]> submittedTopic = Schemas.input(this.topics.submitted());
		Map<String, KStream<Object, Route>> submitted = route(builder
			.stream(submittedTopic.name(), submittedTopic.consumed("comments-submitted"))
			.process(() -> new ModerateCommentProcessor(this.rules, writer, this.listener, this.clock,
					this.classifier), Named.as("moderate-comment")), "route-");

		// 2. flood by IP; the comment's value passes through untouched
		Map<String, KStream<Object, Route>> byIp = route(
				repartition(submitted.get("route-by-ip"), Schemas.COMMENTS_BY_IP).process(
						() -> new IpFloodProcessor(ipStage, this.listener), Named.as("check-ip-flood"), IP_RECORDS),
				"route-ip-");

		// 4. moderators' reviews, parsed; merged below with every decision's status, by commentId
		Topic<byte[], byte[]> reviewedTopic = Schemas.input(this.topics.reviewed());
		Map<String, KStream<Object, Route>> reviews = route(builder
			.stream(reviewedTopic.name(), reviewedTopic.consumed("comments-reviewed"))
			.process(() -> new ParseReviewProcessor(this.listener), Named.as("parse-review")), "route-review-");

		// moderators' actions on authors, parsed; to the author's partition with the reviewed comments' revisions
		Topic<byte[], byte[]> actionsTopic = Schemas.input(this.topics.authorActions());
		Map<String, KStream<Object, Route>> authorActions = route(builder
			.stream(actionsTopic.name(), actionsTopic.consumed("comments-author-actions"))
			.process(() -> new ParseAuthorActionProcessor(this.listener), Named.as("parse-author-action")),
				"route-action-");

		// 3. by author: comments from the IP stage and those without an IP
		KStream<String, Encoded<ToAuthor>> toAuthor = repartition(byIp.get("route-ip-by-author")
			.merge(submitted.get("route-by-author"), Named.as("merge-comments-to-author")),
				Schemas.COMMENTS_BY_AUTHOR);
		Map<String, KStream<Object, Route>> decided = route(toAuthor.process(
				() -> new AuthorProcessor(authorStage, this.listener, this.clock, true), Named.as("decide-comment"),
				AUTHOR_STORES), "route-decided-");

		// 5. by commentId: held comments' status, approved and rejected comments' first decision read back from
		// their events (keyed by commentId: no repartition), and the reviews
		Topic<String, byte[]> approved = Schemas.decisions(this.topics.approved());
		Topic<String, byte[]> rejected = Schemas.decisions(this.topics.rejected());
		Map<String, KStream<Object, Route>> firstDecisions = route(builder
			.stream(approved.name(), approved.consumed("decisions-approved"))
			.merge(builder.stream(rejected.name(), rejected.consumed("decisions-rejected")),
					Named.as("merge-decisions"))
			.process(() -> new ReadDecisionProcessor(this.listener), Named.as("read-decision")), "route-read-");
		KStream<String, ToComment> toComment = repartition(decided.get("route-decided-to-comment"),
				Schemas.STATUS_BY_COMMENT)
			.merge(typed(firstDecisions.get("route-read-to-comment"), Schemas.STATUS_BY_COMMENT, "first-decisions"),
					Named.as("merge-first-decisions"))
			.merge(repartition(reviews.get("route-review-to-comment"), Schemas.REVIEWS_BY_COMMENT),
					Named.as("merge-by-comment"));
		Map<String, KStream<Object, Route>> reviewed = route(toComment.process(
				() -> new ReviewProcessor(reviewStage, this.listener), Named.as("review-comment"), HELD_COMMENTS,
				COMMENT_HISTORY), "route-reviewed-");

		// new revisions of reviewed comments, and author actions, to the author's partition, into the same stores
		repartition(reviewed.get("route-reviewed-by-author")
			.merge(authorActions.get("route-action-by-author"), Named.as("merge-to-author")),
				Schemas.REVIEWED_BY_AUTHOR)
			.process(() -> new AuthorProcessor(authorStage, this.listener, this.clock, false),
					Named.as("record-review"), AUTHOR_STORES);

		if (this.classifier != null) {
			addClassifier(builder, submitted.get("route-to-model").merge(reviewed.get("route-reviewed-to-model"),
					Named.as("merge-labels")));
		}
	}

	/**
	 * The classifier's model: labels by model into the model stage, which writes the compacted model topic, read by
	 * every instance into a global store that the first stage scores with.
	 */
	private void addClassifier(StreamsBuilder builder, KStream<Object, Route> labels) {
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LABEL_LEDGER),
				Serdes.String(), Serdes.ByteArray()));
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MODEL_TOKENS),
				Serdes.ByteArray(), Serdes.ByteArray()));
		route(repartition(labels, Schemas.LABELS_BY_MODEL).process(
				() -> new ModelProcessor(this.classifier.settings()), Named.as("learn-labels"), LABEL_LEDGER,
				MODEL_TOKENS), "route-model-");
		Topic<byte[], byte[]> model = Schemas.model(this.topics.classifierModel());
		builder.addGlobalStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLASSIFIER_MODEL), Serdes.ByteArray(),
						Serdes.ByteArray())
					.withLoggingDisabled(),
				model.name(), model.consumed("classifier-model-records"), ModelRecordsUpdater::new);
	}

	/** The stores of the author stage, shared by its two processors. */
	private static final String[] AUTHOR_STORES = { AUTHOR_RECORDS, DECISIONS, AUTHOR_ACTIONS, AUTHOR_COMMENTS };

	private static Duration atLeastOneMilli(Duration retention) {
		return retention.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : retention;
	}

	private static <V> StoreBuilder<WindowStore<String, V>> window(String name, Duration retention,
			Serde<V> valueSerde) {
		return Stores.windowStoreBuilder(
				Stores.persistentWindowStore(name, atLeastOneMilli(retention), Duration.ofMillis(1), false),
				Serdes.String(), valueSerde);
	}

	private static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Class<V> type) {
		return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
				StateSerde.of(type));
	}

	/** The routed records' keys and values, as the topic's types (what {@link Route}'s factories guarantee). */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <K, V> KStream<K, V> typed(KStream<Object, Route> routed, Topic<K, V> topic, String name) {
		return (KStream<K, V>) (KStream) routed.mapValues(Route::value, Named.as(name + "-value"));
	}

	private <K, V> KStream<K, V> repartition(KStream<Object, Route> routed, Topic<K, V> topic) {
		return typed(routed, topic, topic.name()).repartition(topic.repartitioned(this.topics.partitions()));
	}

	/**
	 * Sends the output-topic destinations to their topics, and returns the internal ones (named
	 * {@code <prefix>by-ip}, {@code <prefix>by-author}, {@code <prefix>to-comment}, {@code <prefix>to-model}) for
	 * repartitioning.
	 */
	private Map<String, KStream<Object, Route>> route(KStream<Object, Route> routed, String prefix) {
		BranchedKStream<Object, Route> split = routed.split(Named.as(prefix));
		for (Route.Destination destination : Route.Destination.values()) {
			String name = destination.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
			Topic<?, ?> topic = switch (destination) {
				case APPROVED -> Schemas.decisions(this.topics.approved());
				case REJECTED -> Schemas.decisions(this.topics.rejected());
				case HELD -> Schemas.decisions(this.topics.held());
				case DEAD_LETTER -> Schemas.deadLetter(this.topics.deadLetter());
				case MODEL -> Schemas.model(this.topics.classifierModel());
				default -> null;
			};
			if (topic != null) {
				split = split.branch((key, route) -> route.destination() == destination,
						Branched.withConsumer((stream) -> to(stream, topic, prefix + name), name));
			}
			else {
				split = split.branch((key, route) -> route.destination() == destination, Branched.as(name));
			}
		}
		return split.noDefaultBranch();
	}

	private static <K, V> void to(KStream<Object, Route> routed, Topic<K, V> topic, String name) {
		typed(routed, topic, name).to(topic.name(), topic.produced(name + "-sink"));
	}

}
