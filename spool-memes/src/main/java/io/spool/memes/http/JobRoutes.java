package io.spool.memes.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spool.memes.jobs.JobStatus;
import io.spool.memes.jobs.MemeJobs;
import io.spool.memes.model.CaptionRequest;
import io.spool.web.Context;
import io.spool.web.HttpError;
import io.spool.web.Response;
import io.spool.web.WebApp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /jobs} takes the body of {@code POST /caption}, validates it at once (bad input is a 400 now, not a
 * failed job later) and answers 202 with the job's id and URL. {@code GET /jobs/{id}} is 202 with the state and
 * {@code Retry-After: 1} while the job waits or runs, 200 with the image when done, the render error's status with
 * {@code "state": "failed"} when it failed, and 404 for an unknown id. Without a database both answer 503.
 */
final class JobRoutes {
    private final MemeJobs jobs;

    private final int maxBodyBytes;

    JobRoutes(MemeJobs jobs, int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.jobs = jobs;
    }

    void install(WebApp app) {
        app.post("/jobs", this::submit);
        app.get("/jobs/{id}", this::status);
    }

    private Response submit(Context ctx) {
        ObjectNode tree = RequestTrees.fromBody(ctx, maxBodyBytes);
        CaptionRequest.parse(tree);
        String id = jobs().submit(tree);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("state", "pending");
        body.put("url", "/jobs/" + id);
        return Response.json(202, body).header("Location", "/jobs/" + id);
    }

    private Response status(Context ctx) {
        String id = ctx.pathParam("id");
        JobStatus status = jobs().status(id).orElseThrow(() -> HttpError.notFound("no job " + id));
        return switch (status) {
            case JobStatus.Waiting w -> Response.json(202, Map.of("id", w.id(), "state", w.state()))
                    .header("Retry-After", "1");
            case JobStatus.Done d -> ImageResponses.notModified(ctx, d.etag())
                    ? ImageResponses.notModifiedResponse(d.etag())
                    : ImageResponses.image(d.image(), d.mediaType(), d.etag());
            case JobStatus.Failed f -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", f.error());
                body.put("state", "failed");
                body.put("id", f.id());
                yield Response.json(f.status(), body);
            }
        };
    }

    private MemeJobs jobs() {
        if (jobs == null) {
            throw new HttpError(503, "jobs need a database: start the service with --database-url (or without it, "
                    + "for an embedded one)");
        }
        return jobs;
    }
}
