package dev.commentmoderation.stream;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import dev.commentmoderation.events.CommentEventParser;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.Verdict;

/**
 * The moderation topology: bytes in from the submitted topic, parsed and moderated in one named processor,
 * then routed to the approved, rejected or dead-letter topic. Stateless, so it scales out to as many instances
 * as the submitted topic has partitions.
 */
public final class ModerationTopology {

	/** The topic names the topology reads and writes. */
	public record Topics(String submitted, String approved, String rejected, String deadLetter) {
	}

	private final Topics topics;

	private final Function<Comment, Verdict> moderator;

	private final ModerationListener listener;

	private final Clock clock;

	public ModerationTopology(Topics topics, Function<Comment, Verdict> moderator, ModerationListener listener, Clock clock) {
		this.topics = topics;
		this.moderator = moderator;
		this.listener = listener;
		this.clock = clock;
	}

	public void addTo(StreamsBuilder builder) {
		CommentEventParser parser = new CommentEventParser();
		DecisionWriter writer = new DecisionWriter();
		KStream<byte[], Route> routed = builder
			.stream(this.topics.submitted(),
					Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("comments-submitted"))
			.process(() -> new ModerateCommentProcessor(parser, this.moderator, writer, this.listener, this.clock),
					Named.as("moderate-comment"));
		routed.split(Named.as("route-"))
			.branch((key, route) -> route.destination() == Route.Destination.APPROVED,
					Branched.withConsumer(to(this.topics.approved(), "approved"), "approved"))
			.branch((key, route) -> route.destination() == Route.Destination.REJECTED,
					Branched.withConsumer(to(this.topics.rejected(), "rejected"), "rejected"))
			.defaultBranch(Branched.withConsumer(to(this.topics.deadLetter(), "dead-letter"), "dead-letter"));
	}

	private static Consumer<KStream<byte[], Route>> to(String topic, String name) {
		return stream -> stream.mapValues(Route::value, Named.as(name + "-value"))
			.to(topic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name + "-sink"));
	}

}
