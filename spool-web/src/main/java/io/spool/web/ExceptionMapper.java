package io.spool.web;

/**
 * Turns an exception of one type into a response value (rendered like a handler's return value). Registered
 * with {@link WebApp#exception(Class, ExceptionMapper)}; the mapper of the closest superclass wins.
 */
@FunctionalInterface
public interface ExceptionMapper<E extends Throwable> {
    Object map(E exception, Context ctx) throws Exception;
}
