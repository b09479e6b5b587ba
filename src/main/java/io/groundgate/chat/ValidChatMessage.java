package io.groundgate.chat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The rules OpenAI applies across a message's fields (content shape by role, tool_call_id on tool messages). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChatMessageValidator.class)
public @interface ValidChatMessage {

    String message() default "invalid message";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
