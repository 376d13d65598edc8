package dev.commentmoderation.classifier.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.commentmoderation.classifier.SmsSpamCorpus;

/** Writes the corpus split to target/classifier and prints the quality table: a scratch entry point. */
public final class QualityTableMain {

	public static void main(String[] args) throws IOException {
		Path dir = Path.of("target/classifier");
		Files.createDirectories(dir);
		SmsSpamCorpus.Split split = SmsSpamCorpus.split();
		Files.write(dir.resolve("sms-train.jsonl"), split.train(), StandardCharsets.UTF_8);
		Files.write(dir.resolve("sms-test.jsonl"), split.test(), StandardCharsets.UTF_8);
		String[] all = new String[args.length + 4];
		all[0] = "quality";
		all[1] = "--train=" + dir.resolve("sms-train.jsonl");
		all[2] = "--test=" + dir.resolve("sms-test.jsonl");
		all[3] = "--format=text";
		System.arraycopy(args, 0, all, 4, args.length);
		int status = new ClassifierTool(System.out, System.err).run(all);
		System.exit(status);
	}

}
