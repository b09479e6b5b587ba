package io.groundgate.chat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A function's parameters: absent, or a JSON Schema whose root is an object schema. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = JsonSchemaObjectValidator.class)
public @interface JsonSchemaObject {

    String message() default "must be a JSON Schema object: {\"type\": \"object\", \"properties\": {...}}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
