package dev.commentmoderation.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A regular expression that RE2 (linear time, no backreferences or lookaround) compiles. */
@Documented
@Constraint(validatedBy = Re2Regex.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface Re2Regex {

	String message() default "must be a valid RE2 regular expression";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<Re2Regex, String> {

		@Override
		public boolean isValid(String regex, ConstraintValidatorContext context) {
			if (regex == null) {
				return true;
			}
			try {
				Pattern.compile(regex);
				return true;
			}
			catch (PatternSyntaxException ex) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(
						"must be a valid RE2 regular expression: " + ex.getDescription().replace("{", "\\{"))
					.addConstraintViolation();
				return false;
			}
		}

	}

}
