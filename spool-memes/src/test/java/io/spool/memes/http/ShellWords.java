package io.spool.memes.http;

import java.util.List;

/**
 * Splits a shell command line into words as sh does for the simple cases README examples use: whitespace
 * separates, single quotes keep everything, double quotes keep everything but {@code \"}, and an unquoted
 * {@code #} at the start of a word begins a comment.
 */
final class ShellWords {
    private ShellWords() {
    }

    /** Adds the words of {@code line} to {@code words} and returns the comment (empty when there is none). */
    static String split(String line, List<String> words) {
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                return line.substring(i + 1);
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word = (word == null ? new StringBuilder() : word).append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                for (i++; line.charAt(i) != '"'; i++) {
                    if (line.charAt(i) == '\\' && line.charAt(i + 1) == '"') {
                        i++;
                    }
                    word.append(line.charAt(i));
                }
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return "";
    }
}
