package dev.commentmoderation.dryrun;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Rows of text in left-aligned columns two spaces apart; the last column is not padded. */
final class TextTable {

	private final List<String[]> rows = new ArrayList<>();

	TextTable(String... header) {
		this.rows.add(header);
	}

	void add(String... row) {
		if (row.length != this.rows.get(0).length) {
			throw new IllegalArgumentException("expected " + this.rows.get(0).length + " columns");
		}
		this.rows.add(row);
	}

	void print(PrintStream out) {
		int columns = this.rows.get(0).length;
		int[] widths = new int[columns];
		for (String[] row : this.rows) {
			for (int i = 0; i < columns; i++) {
				widths[i] = Math.max(widths[i], width(row[i]));
			}
		}
		for (String[] row : this.rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < columns; i++) {
				line.append(row[i]);
				if (i < columns - 1) {
					line.append(" ".repeat(widths[i] - width(row[i]) + 2));
				}
			}
			out.println(line.toString().stripTrailing());
		}
	}

	private static int width(String text) {
		return text.codePointCount(0, text.length());
	}

}
