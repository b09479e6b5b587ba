package io.groundgate.grounding.local.conversation;

import java.util.List;

/** Lists of names in English: "A", "A and B", "A, B and C". */
final class Names {

    private Names() {
    }

    static String join(List<Referent> referents, String conjunction) {
        return joinText(referents.stream().map(Referent::name).distinct().toList(), conjunction);
    }

    /** The referents as a phrase to put into a question, each as the conversation wrote it. */
    static String written(List<Referent> referents) {
        return joinText(referents.stream().map(Referent::written).distinct().toList(), "and");
    }

    static String joinText(List<String> names, String conjunction) {
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " "
                + names.get(names.size() - 1);
    }
}
