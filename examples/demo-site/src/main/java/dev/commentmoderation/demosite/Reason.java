package dev.commentmoderation.demosite;

import java.io.Serializable;

/** One reason of a rejection, as in the contract: {@code field} is the path in the event, e.g. author.email. */
public record Reason(String code, String field, String message) implements Serializable {
}
