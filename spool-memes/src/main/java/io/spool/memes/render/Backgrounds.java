package io.spool.memes.render;

import io.spool.memes.assets.Asset;
import io.spool.memes.model.BadRequestException;

/**
 * Finds the picture a request's {@code background} names: a remote URL or an image uploaded with the request.
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
}
