package dev.commentmoderation.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A path that, when set, names an existing readable regular file. */
@Documented
@Constraint(validatedBy = ReadableFile.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadableFile {

	String message() default "must name an existing, readable file";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ReadableFile, Path> {

		@Override
		public boolean isValid(Path path, ConstraintValidatorContext context) {
			return path == null || (Files.isRegularFile(path) && Files.isReadable(path));
		}

	}

}
