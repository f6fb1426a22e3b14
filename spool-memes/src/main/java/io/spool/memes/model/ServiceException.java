package io.spool.memes.model;

/**
 * An error with a status of its own choosing: 401/403 for the admin endpoints, 409 for a name already taken,
 * 502/504 for a remote image that could not be had, 503 for a feature the server was started without.
 */
public final class ServiceException extends MemeException {
    private final int status;

    public ServiceException(int status, String message) {
        super(message);
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
