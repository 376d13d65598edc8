package dev.commentmoderation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.commentmoderation.rules.ReasonCode;

/** {@code trusted-author-held-for}: which holds still hold a trusted author, per site (issue 15, point 5). */
class TrustedAuthorPolicyTests {

	static final Policy POLICY = Policies.parse("""
			defaults:
			  trusted-author-min-approved: 1
			sites:
			  like-wordpress:
			    trusted-author-held-for: [HELD_TERM, TOO_MANY_LINKS]
			  other:
			    max-links: 3
			""");

	@Test
	void byDefaultATrustedAuthorSkipsEveryHold() {
		assertThat(POLICY.defaults().decisionRules().trustedAuthorHeldFor()).isEmpty();
		assertThat(POLICY.forSite("other").decisionRules().trustedAuthorHeldFor()).isEmpty();
	}

	@Test
	void aSiteNamesTheHoldsThatStillHoldATrustedAuthor() {
		assertThat(POLICY.forSite("like-wordpress").decisionRules().trustedAuthorHeldFor())
			.containsExactlyInAnyOrder(ReasonCode.HELD_TERM, ReasonCode.TOO_MANY_LINKS);
	}

	@Test
	void anUnknownReasonCodeIsRefusedNamingTheSetting() {
		assertThatThrownBy(() -> Policies.parse("""
				defaults:
				  trusted-author-held-for: [LINKS_TOO_MANY]
				""")).isInstanceOfSatisfying(PolicyException.class,
						ex -> assertThat(String.join("\\n", ex.problems())).contains("trusted-author-held-for"));
	}

}
