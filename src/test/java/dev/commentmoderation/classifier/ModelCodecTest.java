package dev.commentmoderation.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelCodecTest {

	@Nested
	class Records {

		@Test
		void aKeyRoundTripsSiteAndToken() {
			byte[] key = ModelRecords.key("site-é", "b:free cash");

			assertThat(ModelRecords.key(key)).isEqualTo(new ModelRecords.Key("site-é", "b:free cash"));
		}

		@Test
		void theTotalsKeyIsTheEmptyToken() {
			assertThat(ModelRecords.key(ModelRecords.key("s", ModelRecords.TOTALS)).isTotals()).isTrue();
		}

		@Test
		void tokenCountsRoundTripInNineBytes() {
			byte[] value = ModelRecords.counts(new TokenCounts(12, Integer.MAX_VALUE));

			assertThat(value).hasSize(9);
			assertThat(ModelRecords.counts(value)).isEqualTo(new TokenCounts(12, Integer.MAX_VALUE));
		}

		@Test
		void totalsRoundTrip() {
			ModelRecords.Totals totals = new ModelRecords.Totals(200, 3000, 3200);

			assertThat(ModelRecords.totals(ModelRecords.totals(totals))).isEqualTo(totals);
		}

		@Test
		void aValueOfAnotherFormatIsRefused() {
			assertThatThrownBy(() -> ModelRecords.counts(new byte[] { 9, 0, 0, 0, 1, 0, 0, 0, 1 }))
				.isInstanceOf(IllegalArgumentException.class);
		}

	}

	@Nested
	class Files {

		@Test
		void aModelFileRoundTripsCountsTotalsAndVersion() throws IOException {
			InMemoryModel model = TestComments.trained(5, 7);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ModelFile.write(model, out);

			InMemoryModel read = ModelFile.read(new ByteArrayInputStream(out.toByteArray()), 100_000);

			assertThat(read.counts()).isEqualTo(model.counts());
			assertThat(read.version()).isEqualTo(model.version());
		}

		@Test
		void theSameModelGivesTheSameFile() throws IOException {
			ByteArrayOutputStream first = new ByteArrayOutputStream();
			ByteArrayOutputStream second = new ByteArrayOutputStream();
			ModelFile.write(TestComments.trained(3, 3), first);
			ModelFile.write(TestComments.trained(3, 3), second);

			assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
		}

		@Test
		void aFileWithNegativeCountsIsRefusedNamingTheToken() {
			String json = """
					{"format":"robinson-fisher","version":1,"site":"*","spamLabels":1,"hamLabels":1,"sequence":2,
					 "tokens":{"w:free":[1,-1]}}""";

			assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 10))
				.isInstanceOf(ModelFile.InvalidModelException.class)
				.hasMessageContaining("w:free");
		}

		@Test
		void aFileOfAnotherFormatIsRefused() {
			assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream("{\"format\":\"x\"}".getBytes()), 10))
				.isInstanceOf(ModelFile.InvalidModelException.class);
		}

		@Test
		void readingIntoASmallerBoundPrunesToIt() throws IOException {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ModelFile.write(TestComments.trained(20, 20), out);

			assertThat(ModelFile.read(new ByteArrayInputStream(out.toByteArray()), 10).size()).isEqualTo(10);
		}

	}

}
