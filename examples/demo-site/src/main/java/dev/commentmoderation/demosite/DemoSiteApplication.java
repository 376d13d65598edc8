package dev.commentmoderation.demosite;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A news article page whose "Leave a Reply" form is moderated by the comment-moderation service: the form
 * publishes a CommentSubmitted event to Kafka, and decisions read back from Kafka make approved comments appear
 * and show rejected ones' reasons to their author.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DemoSiteApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoSiteApplication.class, args);
	}

}
