package dev.commentmoderation.workbench;

/** One instance of the service, as its {@code application.server} (host and HTTP port) names it. */
public record Instance(String host, int port) {

	@Override
	public String toString() {
		return this.host + ":" + this.port;
	}

}
