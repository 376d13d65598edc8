package dev.commentmoderation.demosite;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param siteId the siteId this site puts in its events; decisions for other sites are ignored
 * @param dataDir where the approved comments are kept (a JSON-lines file), so they survive a restart
 * @param timeZone the zone comment times are shown in
 * @param submittedTopic where comments are published
 * @param decisionsPattern the decision topics to read: a regular expression, so that a topic added later
 *     (comments.held) is picked up without a restart
 */
@ConfigurationProperties("demo")
public record DemoSiteProperties(@DefaultValue("demo-site") String siteId, @DefaultValue("data") Path dataDir,
		@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("comments.submitted") String submittedTopic,
		@DefaultValue("comments\\.(approved|rejected|held)") String decisionsPattern) {
}
