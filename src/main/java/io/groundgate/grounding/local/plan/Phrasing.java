package io.groundgate.grounding.local.plan;

/** Rewrites typography the linker and the calculator read differently: superscripts, degree signs, "per". */
public final class Phrasing {

    private Phrasing() {
    }

    public static String normalise(String question) {
        String q = question.replace("²", "^2").replace("³", "^3").replace('’', '\'').replace('“', '"').replace('”', '"');
        return ArithmeticPhrases.units(q);
    }
}
