package io.spool.web;

import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import java.util.ArrayDeque;

/**
 * spool-web's HTTP/1.1 server codec: the strict {@link RequestDecoder} and Netty's response encoder, paired as
 * Netty's own server codec pairs them: each answer is matched with the method of the request it answers, so the
 * answer to a HEAD is framed without a body.
 */
final class ServerCodec extends CombinedChannelDuplexHandler<RequestDecoder, HttpResponseEncoder> {
    private final ArrayDeque<HttpMethod> methods = new ArrayDeque<>();

    ServerCodec(int maxRequestLine, int maxHeaderSize, int maxChunk) {
        init(new RequestDecoder(maxRequestLine, maxHeaderSize, maxChunk, methods::add), new HttpResponseEncoder() {
            @Override
            protected boolean isContentAlwaysEmpty(HttpResponse msg) {
                // a refusal of a request whose head never got through has no method queued: null, not HEAD
                return HttpMethod.HEAD.equals(methods.poll()) || super.isContentAlwaysEmpty(msg);
            }
        });
    }
}
