package io.spool.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a method and a path to a handler. Patterns are made of segments: literal ({@code /users}), a parameter
 * ({@code /{id}}, one whole segment) and, last, a wildcard ({@code /*}, the rest of the path). Lookup is a
 * walk down a tree of segments; a literal beats a parameter, which beats a wildcard, with backtracking, so
 * {@code /users/me} and {@code /users/{id}} can live side by side. HEAD falls back to GET.
 */
final class Router {
    /**
     * A handler at a method and pattern, with the metrics series it counts into (null: looked up per request), and
     * whether it reads its body as it arrives ({@link WebApp#streaming}) rather than whole.
     */
    record Route(String method, String pattern, Handler handler, Metrics.Series series, boolean streaming) {}

    /** The outcome of a lookup: a route (or null), its path parameters, and the methods the path allows. */
    record Match(Route route, Map<String, String> params, Set<String> allowed) {
        String pattern() {
            return route == null ? null : route.pattern();
        }
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node param;
        String paramName;
        Node wildcard;
        final Map<String, Route> routes = new LinkedHashMap<>();
    }

    private final Node root = new Node();
    /**
     * The matches of patterns made only of literal segments, by decoded path then method, built once: most lookups
     * end here and allocate nothing.
     */
    private final Map<String, Map<String, Match>> literalMatches = new HashMap<>();

    void add(String method, String pattern, Handler handler) {
        add(method, pattern, handler, null, false);
    }

    void add(String method, String pattern, Handler handler, Metrics.Series series, boolean streaming) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a pattern starts with '/': " + pattern);
        }
        String[] segments = split(pattern);
        Node node = root;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("*")) {
                if (i != segments.length - 1) {
                    throw new IllegalArgumentException("'*' must be the last segment: " + pattern);
                }
                node = node.wildcard == null ? (node.wildcard = new Node()) : node.wildcard;
            } else if (s.startsWith("{") && s.endsWith("}")) {
                String name = s.substring(1, s.length() - 1);
                if (node.param == null) {
                    node.param = new Node();
                    node.paramName = name;
                } else if (!node.paramName.equals(name)) {
                    throw new IllegalArgumentException("parameter {" + name + "} conflicts with {"
                            + node.paramName + "} in " + pattern);
                }
                node = node.param;
            } else {
                // a literal is matched against the decoded path, so "/a%20b" means the path "/a b"
                node = node.literals.computeIfAbsent(decodePattern(s, pattern), k -> new Node());
            }
        }
        Route route = new Route(method, pattern, handler, series, streaming);
        if (node.routes.putIfAbsent(method, route) != null) {
            throw new IllegalArgumentException("route defined twice: " + method + " " + pattern);
        }
        if (!pattern.contains("{") && !pattern.contains("*")) {
            Match match = new Match(route, Map.of(), Set.of());
            String path = pattern.equals("/") ? "/" : "/" + String.join("/",
                    java.util.Arrays.stream(segments).map(seg -> decodePattern(seg, pattern)).toList());
            literalMatches.computeIfAbsent(path, k -> new HashMap<>()).put(method, match);
        }
    }

    /** {@code path} is a request's canonical path ({@link RequestTarget}): decoded, without dot segments. */
    Match find(String method, String path) {
        Map<String, Match> literal = literalMatches.get(path);
        Match exact = literal == null ? null : literal.get(method);
        if (exact != null) {   // the walk would find the same: a literal beats everything else
            return exact;
        }
        String[] segments = split(path);
        Set<String> allowed = new TreeSet<>();
        List<String[]> params = new ArrayList<>();
        Route route = walk(root, segments, 0, method, params, allowed);
        if (route == null && method.equals("HEAD")) {
            params.clear();
            route = walk(root, segments, 0, "GET", params, new TreeSet<>());
        }
        if (route == null) {
            return new Match(null, Map.of(), allowed);
        }
        Map<String, String> map = params.isEmpty() ? Map.of() : new HashMap<>();
        for (String[] p : params) {
            map.put(p[0], p[1]);
        }
        return new Match(route, Collections.unmodifiableMap(map), allowed);
    }

    private static Route walk(Node node, String[] segs, int i, String method, List<String[]> params,
                              Set<String> allowed) {
        if (i == segs.length) {
            Route r = routeAt(node, method, allowed);
            if (r != null || node.wildcard == null) {
                return r;
            }
        } else {
            Node literal = node.literals.get(segs[i]);
            if (literal != null) {
                Route r = walk(literal, segs, i + 1, method, params, allowed);
                if (r != null) {
                    return r;
                }
            }
            if (node.param != null && !segs[i].isEmpty()) {
                params.add(new String[] {node.paramName, segs[i]});
                Route r = walk(node.param, segs, i + 1, method, params, allowed);
                if (r != null) {
                    return r;
                }
                params.removeLast();
            }
        }
        if (node.wildcard != null) {
            String rest = String.join("/", java.util.Arrays.copyOfRange(segs, i, segs.length));
            Route r = routeAt(node.wildcard, method, allowed);
            if (r != null) {
                params.add(new String[] {"*", rest});
            }
            return r;
        }
        return null;
    }

    private static Route routeAt(Node node, String method, Set<String> allowed) {
        Route r = node.routes.get(method);
        if (r == null) {
            allowed.addAll(node.routes.keySet());
            if (node.routes.containsKey("GET")) {
                allowed.add("HEAD");
            }
        }
        return r;
    }

    private static String[] split(String path) {
        if (path.equals("/") || path.isEmpty()) {
            return new String[0];
        }
        return path.substring(1).split("/", -1);
    }

    /** A literal segment of a pattern decodes as a request's would: "/a%20b" means the path "/a b". */
    private static String decodePattern(String segment, String pattern) {
        try {
            return RequestTarget.decodeSegment(segment);
        } catch (HttpError e) {
            throw new IllegalArgumentException("invalid percent-encoding in pattern " + pattern + ": "
                    + e.getMessage());
        }
    }
}
