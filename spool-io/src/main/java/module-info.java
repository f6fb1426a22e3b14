/**
 * The poll contract ({@code Poll}, {@code Pollable}, {@code Interest}) and the stateless selector loop that
 * hosts it; the one package is the API.
 */
module spool.io {
    exports io.spool.io;
}
