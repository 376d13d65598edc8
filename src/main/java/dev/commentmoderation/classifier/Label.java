package dev.commentmoderation.classifier;

/** What a moderator's verdict teaches the classifier about a comment. */
public enum Label {

	SPAM, HAM

}
