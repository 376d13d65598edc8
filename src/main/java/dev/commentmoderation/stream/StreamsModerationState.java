package dev.commentmoderation.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import org.springframework.core.env.Environment;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.commentmoderation.stage.*;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.rules.AuthorStanding;
import dev.commentmoderation.rules.StatefulSettings;
import dev.commentmoderation.settings.TopicSettings;
import dev.commentmoderation.workbench.AuthorHistory;
import dev.commentmoderation.workbench.AuthorStatus;
import dev.commentmoderation.workbench.CommentHistory;
import dev.commentmoderation.workbench.HeldComment;
import dev.commentmoderation.workbench.Instance;
import dev.commentmoderation.workbench.ModerationState;
import dev.commentmoderation.workbench.Partitioned;
import dev.commentmoderation.workbench.RecentDecision;
import dev.commentmoderation.workbench.RecentDecisions;
import dev.commentmoderation.workbench.StateUnavailableException;

/**
 * The workbench's view of the topology's stores, by Kafka Streams interactive queries. Only active partitions
 * are read (no stale standby data), and only while the client is RUNNING: during a rebalance or a restore every
 * query fails with {@link StateUnavailableException}, and a fan-out finds partitions missing. Without
 * {@code application.server} (a single instance) every partition is taken to be here.
 */
@Component
class StreamsModerationState implements ModerationState {

	private final StreamsBuilderFactoryBean factory;

	private final TopicSettings topics;

	private final StatefulSettings settings;

	private final Environment environment;

	private final DecisionWriter writer = new DecisionWriter();

	StreamsModerationState(StreamsBuilderFactoryBean factory, TopicSettings topics, StatefulSettings settings,
			Environment environment) {
		this.factory = factory;
		this.topics = topics;
		this.settings = settings;
		this.environment = environment;
	}

	@Override
	public Partitioned<List<HeldComment>> localHeldComments() {
		KafkaStreams streams = running();
		List<HeldComment> held = new ArrayList<>();
		Set<Integer> partitions = new HashSet<>();
		for (int partition : activePartitions(streams, ModerationTopology.STATUS_BY_COMMENT)) {
			ReadOnlyKeyValueStore<String, CommentState> store = streams.store(StoreQueryParameters
				.fromNameAndType(ModerationTopology.HELD_COMMENTS,
						QueryableStoreTypes.<String, CommentState>keyValueStore())
				.withPartition(partition));
			try (KeyValueIterator<String, CommentState> all = store.all()) {
				while (all.hasNext()) {
					held.add(heldComment(all.next().value));
				}
			}
			catch (InvalidStateStoreException moved) {
				throw unavailable(moved);
			}
			partitions.add(partition);
		}
		return new Partitioned<>(held, partitions);
	}

	/**
	 * One backward fetch per active partition over the time range asked (never past the decision retention): every
	 * entry recorded in that range is read, none before it. Kafka's window store orders each segment by key, not by
	 * time, so the newest are kept as a bounded top {@code limit} (memory: the page, plus the ids seen): an entry
	 * counts only if it is its comment's newest (a key's entries come newest first, the order {@link #latest}
	 * relies on too), and only its current outcome is filtered on, so a comment taken down is never listed as
	 * approved.
	 */
	@Override
	public Partitioned<List<RecentDecision>> localRecentDecisions(RecentDecisions.RecentQuery query) {
		KafkaStreams streams = running();
		long since = Math.max(query.since().toEpochMilli(),
				System.currentTimeMillis() - this.settings.decisionRetention().toMillis());
		// newest first, as RecentDecisions.NEWEST_FIRST; rendered to events only once the page is known
		java.util.TreeSet<Recorded> newest = new java.util.TreeSet<>(java.util.Comparator
			.comparing(Recorded::at, java.util.Comparator.reverseOrder())
			.thenComparing((recorded) -> recorded.state().status().commentId()));
		Set<Integer> partitions = new HashSet<>();
		for (int partition : activePartitions(streams, ModerationTopology.STATUS_BY_COMMENT)) {
			ReadOnlyWindowStore<String, CommentState> history = streams.store(StoreQueryParameters
				.fromNameAndType(ModerationTopology.COMMENT_HISTORY,
						QueryableStoreTypes.<String, CommentState>windowStore())
				.withPartition(partition));
			Set<String> seen = new HashSet<>();
			try (KeyValueIterator<Windowed<String>, CommentState> entries = history.backwardFetchAll(
					Instant.ofEpochMilli(Math.max(0L, since)), Instant.ofEpochMilli(Long.MAX_VALUE))) {
				while (entries.hasNext()) {
					KeyValue<Windowed<String>, CommentState> entry = entries.next();
					String commentId = entry.key.key();
					Instant recordedAt = Instant.ofEpochMilli(entry.key.window().start());
					if (!seen.add(commentId)
							|| (newest.size() >= query.limit() && recordedAt.isBefore(newest.last().at()))) {
						// an older state of a comment already read, or too old to make the page
						continue;
					}
					CommentState state = entry.value;
					if (query.matches(state.status().siteId(), state.decision().name())) {
						newest.add(new Recorded(state, recordedAt));
						if (newest.size() > query.limit()) {
							newest.pollLast();
						}
					}
				}
			}
			catch (InvalidStateStoreException moved) {
				throw unavailable(moved);
			}
			partitions.add(partition);
		}
		return new Partitioned<>(newest.stream().map(this::recentDecision).toList(), partitions);
	}

	/** A comment's state as the comment history recorded it, and when. */
	private record Recorded(CommentState state, Instant at) {
	}

	@Override
	public Optional<CommentHistory> localComment(String commentId) {
		int partition = localPartition(ModerationTopology.HELD_COMMENTS, commentId);
		try {
			CommentState held = store(ModerationTopology.HELD_COMMENTS,
					QueryableStoreTypes.<String, CommentState>keyValueStore(), partition).get(commentId);
			CommentState comment = (held != null) ? held : latest(store(ModerationTopology.COMMENT_HISTORY,
					QueryableStoreTypes.<String, CommentState>windowStore(), partition), commentId,
					this.settings.decisionRetention().toMillis());
			return Optional.ofNullable(comment).map(this::commentHistory);
		}
		catch (InvalidStateStoreException moved) {
			throw unavailable(moved);
		}
	}

	@Override
	public Optional<AuthorHistory> localAuthor(String author) {
		int partition = localPartition(ModerationTopology.AUTHOR_RECORDS, author);
		try {
			long now = System.currentTimeMillis();
			AuthorRecord record = store(ModerationTopology.AUTHOR_RECORDS,
					QueryableStoreTypes.<String, AuthorRecord>keyValueStore(), partition).get(author);
			StoredAction action = store(ModerationTopology.AUTHOR_ACTIONS,
					QueryableStoreTypes.<String, StoredAction>keyValueStore(), partition).get(author);
			Map<String, AuthorHistory.AuthorComment> recent = new LinkedHashMap<>();
			ReadOnlyWindowStore<String, AuthorComment> comments = store(ModerationTopology.AUTHOR_COMMENTS,
					QueryableStoreTypes.<String, AuthorComment>windowStore(), partition);
			try (WindowStoreIterator<AuthorComment> iterator = comments.backwardFetch(author,
					Instant.ofEpochMilli(Math.max(0L, now - this.settings.decisionRetention().toMillis())),
					Instant.ofEpochMilli(Long.MAX_VALUE))) {
				// newest first; a later outcome of a comment (a correction) is written later, so it comes first
				List<org.apache.kafka.streams.KeyValue<Long, AuthorComment>> entries = new ArrayList<>();
				iterator.forEachRemaining(entries::add);
				entries.sort((a, b) -> Long.compare(b.key, a.key));
				for (org.apache.kafka.streams.KeyValue<Long, AuthorComment> entry : entries) {
					AuthorComment comment = entry.value;
					recent.merge(comment.commentId(), new AuthorHistory.AuthorComment(comment.commentId(),
							comment.siteId(), comment.postId(), comment.decision().name(), comment.revision(),
							Instant.ofEpochMilli(entry.key)),
							(a, b) -> (a.revision() >= b.revision()) ? a : b);
				}
			}
			boolean standingKept = record != null && record.standingAt() != null
					&& record.standingAt() >= now - this.settings.authorRetention().toMillis();
			if (!standingKept && action == null && recent.isEmpty()) {
				return Optional.empty();
			}
			StoredStanding standing = StoredStanding.of(standingKept ? record.standing() : AuthorStanding.NEW);
			return Optional.of(new AuthorHistory(author, status(standing, action), List.copyOf(recent.values())));
		}
		catch (InvalidStateStoreException moved) {
			throw unavailable(moved);
		}
	}

	@Override
	public Instance ownerOfComment(String commentId) {
		return owner(ModerationTopology.HELD_COMMENTS, commentId);
	}

	@Override
	public Instance ownerOfAuthor(String author) {
		return owner(ModerationTopology.AUTHOR_RECORDS, author);
	}

	@Override
	public List<Instance> instancesWithHeldComments() {
		KafkaStreams streams = running();
		if (!StringUtils.hasText(applicationServer())) {
			return List.of(self());
		}
		List<Instance> instances = new ArrayList<>();
		for (StreamsMetadata metadata : streams.streamsMetadataForStore(ModerationTopology.HELD_COMMENTS)) {
			instances.add(instance(metadata.hostInfo()));
		}
		return instances;
	}

	@Override
	public Instance self() {
		String server = applicationServer();
		if (StringUtils.hasText(server)) {
			HostInfo host = HostInfo.buildFromEndpoint(server.trim());
			return new Instance(host.host(), host.port());
		}
		return new Instance("localhost", this.environment.getProperty("local.server.port", Integer.class,
				this.environment.getProperty("server.port", Integer.class, 8080)));
	}

	@Override
	public int partitions() {
		return this.topics.partitions();
	}

	private Instance owner(String store, String key) {
		if (!StringUtils.hasText(applicationServer())) {
			running();
			return self();
		}
		KeyQueryMetadata metadata = running().queryMetadataForKey(store, key, Serdes.String().serializer());
		if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
			throw new StateUnavailableException("The partition of this key has no active instance now (rebalancing)");
		}
		return instance(metadata.activeHost());
	}

	/** The key's partition, which must be active here. */
	private int localPartition(String store, String key) {
		if (!StringUtils.hasText(applicationServer())) {
			// without application.server Kafka Streams keeps no host metadata (queryMetadataForKey answers
			// NOT_AVAILABLE); every partition is here, so the key's partition is the default partitioner's
			running();
			return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils
				.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions();
		}
		KeyQueryMetadata metadata = running().queryMetadataForKey(store, key, Serdes.String().serializer());
		if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
			throw new StateUnavailableException("The partition of this key has no active instance now (rebalancing)");
		}
		if (StringUtils.hasText(applicationServer()) && !instance(metadata.activeHost()).equals(self())) {
			throw new StateUnavailableException("The partition of this key is active on " + metadata.activeHost());
		}
		return metadata.partition();
	}

	/**
	 * The partitions of a repartition topic (and so of the stores of the stage that reads it) whose active tasks
	 * run on this instance now.
	 */
	private Set<Integer> activePartitions(KafkaStreams streams, String repartition) {
		String topic = this.factory.getStreamsConfiguration().get(StreamsConfig.APPLICATION_ID_CONFIG) + "-"
				+ repartition + "-repartition";
		Set<Integer> partitions = new java.util.TreeSet<>();
		for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
			for (TaskMetadata task : thread.activeTasks()) {
				for (TopicPartition partition : task.topicPartitions()) {
					if (partition.topic().equals(topic)) {
						partitions.add(partition.partition());
					}
				}
			}
		}
		return partitions;
	}

	private <T> T store(String name, QueryableStoreType<T> type, int partition) {
		return running().store(StoreQueryParameters.fromNameAndType(name, type).withPartition(partition));
	}

	private static <V> V latest(ReadOnlyWindowStore<String, V> store, String key, long retentionMillis) {
		long since = Math.max(0L, System.currentTimeMillis() - retentionMillis);
		try (WindowStoreIterator<V> iterator = store.backwardFetch(key, Instant.ofEpochMilli(since),
				Instant.ofEpochMilli(Long.MAX_VALUE))) {
			return iterator.hasNext() ? iterator.next().value : null;
		}
	}

	private KafkaStreams running() {
		KafkaStreams streams = this.factory.getKafkaStreams();
		if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
			throw new StateUnavailableException("The moderation stream is "
					+ ((streams == null) ? "not started" : streams.state()) + ": its state is not queryable now");
		}
		return streams;
	}

	private String applicationServer() {
		Object server = this.factory.getStreamsConfiguration().get(StreamsConfig.APPLICATION_SERVER_CONFIG);
		return (server != null) ? server.toString() : null;
	}

	private static Instance instance(HostInfo host) {
		return new Instance(host.host(), host.port());
	}

	private static StateUnavailableException unavailable(InvalidStateStoreException ex) {
		return new StateUnavailableException("The moderation state moved while it was read (rebalancing)", ex);
	}

	private HeldComment heldComment(CommentState state) {
		CommentStatus status = state.status();
		return new HeldComment(status.commentId(), status.siteId(), status.postId(), status.author(),
				Instant.ofEpochMilli(status.heldAtMillis()), status(status.standing(), status.action()),
				new String(Revisions.json(this.writer, state, state.revisions().size()), StandardCharsets.UTF_8));
	}

	private RecentDecision recentDecision(Recorded recorded) {
		CommentState state = recorded.state();
		Instant recordedAt = recorded.at();
		CommentStatus status = state.status();
		int later = (state.revisions() != null) ? state.revisions().size() : 0;
		return new RecentDecision(status.commentId(), status.siteId(), status.postId(), status.author(),
				state.decision().name(), state.revision(), recordedAt,
				new String(Revisions.json(this.writer, state, later), StandardCharsets.UTF_8));
	}

	private CommentHistory commentHistory(CommentState state) {
		CommentStatus status = state.status();
		List<CommentHistory.RecordedVerdict> verdicts = new ArrayList<>();
		for (RecordedVerdict verdict : (state.verdicts() != null) ? state.verdicts()
				: List.<RecordedVerdict>of()) {
			verdicts.add(new CommentHistory.RecordedVerdict(verdict.decision().name(), verdict.spam(),
					verdict.moderator(), verdict.note(), Instant.parse(verdict.at()), verdict.changed(),
					verdict.revision()));
		}
		return new CommentHistory(status.commentId(), status.siteId(), status.postId(), status.author(),
				state.decision().name(), state.revision(), Revisions.all(this.writer, state), verdicts);
	}

	private AuthorStatus status(StoredStanding standing, StoredAction action) {
		AuthorStanding earned = (standing != null) ? standing.toStanding() : AuthorStanding.NEW;
		AuthorStatus.ModeratorAction moderatorAction = null;
		boolean inForce = false;
		if (action != null) {
			inForce = action.toAction().inForceAt(Instant.now());
			moderatorAction = new AuthorStatus.ModeratorAction(action.kind().name(),
					(action.until() != null) ? Instant.parse(action.until()) : null, action.moderator(), action.note(),
					(action.at() != null) ? Instant.parse(action.at()) : null);
		}
		String kind = (inForce) ? action.kind().name() : null;
		boolean trusted = "TRUST".equals(kind)
				|| (!"PREMODERATE".equals(kind) && earned.trusted(this.settings.trustedAuthorMinApproved()));
		return new AuthorStatus(earned.approved(), earned.spamRejected(), trusted, moderatorAction);
	}

}
