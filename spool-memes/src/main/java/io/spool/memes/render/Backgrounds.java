package io.spool.memes.render;

import io.spool.memes.assets.Asset;
import io.spool.memes.model.BadRequestException;

/**
 * Finds the picture a request's {@code background} names (a remote URL or an image uploaded with the request) and
 * the overlay pictures a {@code ?style=URL} names.
 * The service's implementation fetches and caches; {@link #NONE} refuses every background.
 */
@FunctionalInterface
public interface Backgrounds {
    /** Refuses: this renderer was set up without a way to fetch backgrounds. */
    Backgrounds NONE = background -> {
        throw new BadRequestException("background: remote images are off on this server (start it with "
                + "--remote-images HOST,... to allow them), and this request carries no uploaded image");
    };

    /** The picture for {@code background}; a {@link io.spool.memes.model.MemeException} when it cannot be had. */
    Asset resolve(String background) throws InterruptedException;

    /**
     * The picture at {@code url} that a {@code ?style=URL} pastes into a template's overlay areas; errors name
     * {@code style}. By default refused, as remote images are off.
     */
    default Asset overlay(String url) throws InterruptedException {
        throw new BadRequestException("style: remote images are off on this server (start it with "
                + "--remote-images HOST,... to allow overlay images from those hosts)");
    }
}
