package dev.commentmoderation.policy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** SHA-256 over parts, each prefixed with its length, so that moving a byte from one part to the next changes it. */
final class ContentHash {

	private ContentHash() {
	}

	/** @param parts the contents; a null part (a file that could not be read) hashes as length -1 */
	static byte[] sha256(List<byte[]> parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(ByteBuffer.allocate(Integer.BYTES).putInt((part != null) ? part.length : -1).array());
				if (part != null) {
					digest.update(part);
				}
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
