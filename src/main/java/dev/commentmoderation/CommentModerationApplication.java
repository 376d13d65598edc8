package dev.commentmoderation;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.commentmoderation.classifier.cli.ClassifierTool;
import dev.commentmoderation.dryrun.DryRun;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommentModerationApplication {

	/**
	 * Starts the service; {@code dry-run ...} instead runs the policy dry run, {@code classifier ...} the spam
	 * classifier's offline tools (both plain Java, no Spring context, no broker) and exits with its status.
	 */
	public static void main(String[] args) {
		if (args.length > 0 && DryRun.COMMAND.equals(args[0])) {
			DryRun.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && ClassifierTool.COMMAND.equals(args[0])) {
			ClassifierTool.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(CommentModerationApplication.class, args);
	}

}
