package dev.commentmoderation.web;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.commentmoderation.workbench.AuthorHistory;
import dev.commentmoderation.workbench.CommentHistory;
import dev.commentmoderation.workbench.HeldComment;
import dev.commentmoderation.workbench.Instance;
import dev.commentmoderation.workbench.Partitioned;
import dev.commentmoderation.workbench.Peers;
import dev.commentmoderation.workbench.RecentDecision;
import dev.commentmoderation.workbench.RecentDecisions.RecentQuery;
import dev.commentmoderation.workbench.StateUnavailableException;

/**
 * Calls another instance's {@code /internal/v1} with the peer secret. Any failure (no answer, a 5xx, no secret
 * configured) is a {@link StateUnavailableException}: the caller answers 503 and the client retries once the group
 * settles.
 */
@Component
public class PeerClient implements Peers {

	private static final ParameterizedTypeReference<Partitioned<List<HeldComment>>> HELD = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Partitioned<List<RecentDecision>>> RECENT = new ParameterizedTypeReference<>() {
	};

	private final RestClient rest;

	private final WorkbenchSettings settings;

	public PeerClient(WorkbenchSettings settings) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.peerTimeout()).build());
		requests.setReadTimeout(settings.peerTimeout());
		this.rest = RestClient.builder().requestFactory(requests).build();
		this.settings = settings;
	}

	@Override
	public Partitioned<List<HeldComment>> heldComments(Instance instance) {
		return call(instance, () -> this.rest.get()
			.uri(base(instance) + "/held")
			.header(WorkbenchSettings.PEER_SECRET_HEADER, secret())
			.retrieve()
			.body(HELD));
	}

	@Override
	public Partitioned<List<RecentDecision>> recentDecisions(Instance instance, RecentQuery query) {
		return call(instance, () -> this.rest.get()
			.uri(base(instance) + "/decided?site={site}&outcome={outcome}&since={since}&page={page}&size={size}",
					(query.site() != null) ? query.site() : "",
					(query.outcome() != null) ? query.outcome().name() : "", query.since().toString(), query.page(),
					query.size())
			.header(WorkbenchSettings.PEER_SECRET_HEADER, secret())
			.retrieve()
			.body(RECENT));
	}

	@Override
	public Optional<CommentHistory> comment(Instance instance, String commentId) {
		return optional(instance, () -> this.rest.get()
			.uri(base(instance) + "/comments/{id}", commentId)
			.header(WorkbenchSettings.PEER_SECRET_HEADER, secret())
			.retrieve()
			.body(CommentHistory.class));
	}

	@Override
	public Optional<AuthorHistory> author(Instance instance, String normalizedEmail) {
		return optional(instance, () -> this.rest.get()
			.uri(base(instance) + "/authors/{email}", normalizedEmail)
			.header(WorkbenchSettings.PEER_SECRET_HEADER, secret())
			.retrieve()
			.body(AuthorHistory.class));
	}

	private <T> Optional<T> optional(Instance instance, java.util.function.Supplier<T> call) {
		try {
			return Optional.ofNullable(call(instance, call));
		}
		catch (NotFound ex) {
			return Optional.empty();
		}
	}

	private <T> T call(Instance instance, java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode() == HttpStatus.NOT_FOUND) {
				throw new NotFound();
			}
			throw new StateUnavailableException("Instance " + instance + " refused the peer call: "
					+ ex.getStatusCode().value() + " (is moderation.workbench.peer-secret the same on every instance?)");
		}
		catch (RestClientException ex) {
			throw new StateUnavailableException("Instance " + instance + " did not answer", ex);
		}
	}

	private String base(Instance instance) {
		return "http://" + instance.host() + ":" + instance.port() + "/internal/v1";
	}

	private String secret() {
		if (!this.settings.hasPeerSecret()) {
			throw new StateUnavailableException(
					"Another instance holds this state, and moderation.workbench.peer-secret is not set");
		}
		return this.settings.peerSecret();
	}

	/** The peer knows nothing of the key. */
	private static final class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}

	}

}
