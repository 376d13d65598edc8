package dev.commentmoderation.rules;

public enum Decision {

	APPROVED, REJECTED

}
