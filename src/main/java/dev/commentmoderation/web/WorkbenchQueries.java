package dev.commentmoderation.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.commentmoderation.workbench.ModerationState;
import dev.commentmoderation.workbench.StateUnavailableException;
import dev.commentmoderation.workbench.Workbench;

/**
 * The {@link Workbench} over the stream's {@link ModerationState} and the peers' internal endpoints. Without a
 * {@code ModerationState} bean (the stream does not expose one) every read is unavailable (503).
 */
@Component
public class WorkbenchQueries {

	private final ObjectProvider<ModerationState> states;

	private final PeerClient peers;

	public WorkbenchQueries(ObjectProvider<ModerationState> states, PeerClient peers) {
		this.states = states;
		this.peers = peers;
	}

	public Workbench workbench() {
		return new Workbench(local(), this.peers);
	}

	/** This instance's state only, for the peers' internal endpoints. */
	public ModerationState local() {
		ModerationState state = this.states.getIfAvailable();
		if (state == null) {
			throw new StateUnavailableException("The stream's state is not queryable on this instance");
		}
		return state;
	}

}
