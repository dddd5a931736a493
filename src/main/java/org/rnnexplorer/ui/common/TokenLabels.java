package org.rnnexplorer.ui.common;

/** How a token is written on a chip: white space made visible. */
public final class TokenLabels {
    private TokenLabels() {
    }

    /** "␣" for a space, "↵" for a line break, "⇥" for a tab; other tokens as they are. */
    public static String visible(String token) {
        if (token == null) return "";
        return token.replace(" ", "␣").replace("\n", "↵").replace("\r", "").replace("\t", "⇥");
    }
}
