/**
 * The moderator workbench over HTTP, thin Spring MVC adapters: the JSON API ({@code /api/v1}), the peer-to-peer
 * endpoints the API fans out to ({@code /internal/v1}), the console ({@code /console}) and the Kafka publisher of
 * verdicts and author actions. The merge, paging and completeness logic is plain Java in {@code workbench}.
 */
package dev.commentmoderation.web;
