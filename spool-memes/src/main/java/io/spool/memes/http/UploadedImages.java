package io.spool.memes.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.spool.memes.assets.Asset;
import io.spool.memes.assets.AssetStore;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ServiceException;
import io.spool.memes.render.Backgrounds;
import java.time.Duration;

/**
 * The pictures a request brings (a multipart {@code POST /caption} or {@code POST /images}), kept by content hash
 * for the short while between the request and its render (and for a repeat of the same request), within 64 MiB;
 * and the {@link Backgrounds} of the service: an uploaded picture by its {@code upload:} key, a URL through
 * {@link RemoteImages}; and the overlay pictures of {@code ?style=URL}, fetched the same way and checked by
 * {@link ImageCheck}.
 */
final class UploadedImages implements Backgrounds {
    private final Cache<String, Asset> uploads = Caffeine.newBuilder().maximumWeight(64L << 20)
            .<String, Asset>weigher((key, asset) -> asset.bytes().length)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    /** Contents of fetched overlay images that passed the {@link ImageCheck}, so a repeat is not decoded again. */
    private final Cache<String, Boolean> checkedOverlays = Caffeine.newBuilder().maximumSize(1_000).build();
    private final RemoteImages remote;
    private final ImageCheck imageCheck;

    UploadedImages(RemoteImages remote, ImageCheck imageCheck) {
        this.remote = remote;
        this.imageCheck = imageCheck;
    }

    /** Keeps {@code bytes} and returns the background key a request names them by. */
    String put(byte[] bytes) {
        String hash = AssetStore.hash(bytes);
        uploads.put(hash, new Asset("upload-" + hash, "upload-" + hash, () -> bytes));
        return CaptionRequest.UPLOAD_PREFIX + hash;
    }

    @Override
    public Asset resolve(String background) throws InterruptedException {
        if (background.startsWith(CaptionRequest.UPLOAD_PREFIX)) {
            Asset asset = uploads.getIfPresent(background.substring(CaptionRequest.UPLOAD_PREFIX.length()));
            if (asset == null) {
                throw new ServiceException(410, "background: the uploaded image is no longer kept; send it again");
            }
            return asset;
        }
        return remote.fetch(background);
    }

    @Override
    public Asset overlay(String url) throws InterruptedException {
        Asset asset = remote.fetch(url, "style");
        if (checkedOverlays.getIfPresent(asset.version()) == null) {
            imageCheck.check(asset.bytes(), "style: the overlay image at " + url);
            checkedOverlays.put(asset.version(), Boolean.TRUE);
        }
        return asset;
    }
}
