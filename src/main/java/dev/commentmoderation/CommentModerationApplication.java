package dev.commentmoderation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommentModerationApplication {

	public static void main(String[] args) {
		SpringApplication.run(CommentModerationApplication.class, args);
	}

}
