package io.groundgate.grounding.local.conversation;

/**
 * One earlier question and the answer given to it.
 *
 * @param question the user's message, already resolved against the turns before it
 * @param answer the assistant's reply, empty when there was none
 */
public record Exchange(String question, String answer) {

    public Exchange {
        question = question == null ? "" : question;
        answer = answer == null ? "" : answer;
    }
}
