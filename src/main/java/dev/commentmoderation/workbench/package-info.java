/**
 * The moderator's workbench, plain Java: what a moderator sees (the held queue, a comment's revisions, an
 * author's history and standing) as read from the stream's state stores, and where each piece lives. The Kafka
 * Streams adapter ({@code stream.StreamsModerationState}) implements {@link ModerationState}; the web adapter
 * ({@code web}) fans queries out across instances and publishes verdicts and author actions.
 */
package dev.commentmoderation.workbench;
