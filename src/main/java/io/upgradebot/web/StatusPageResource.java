package io.upgradebot.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.upgradebot.project.statuspage.ProjectStatusPage;
import io.upgradebot.project.statuspage.StatusPage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The read-only status page of a project, its charts, and the same data as JSON, each for a signed link only
 * ({@code ?exp=…&sig=…}, see StatusPageLinks). Anything else is a 404 with an empty body: no hint whether the
 * project exists, the link expired or was changed.
 */
@Path("/")
public class StatusPageResource {

    private final ProjectStatusPage pages;
    private final Template statusPage;

    public StatusPageResource(ProjectStatusPage pages, @Location("statusPage") Template statusPage) {
        this.pages = pages;
        this.statusPage = statusPage;
    }

    @GET
    @Path("projects/{slug}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("slug") String slug, @QueryParam("exp") String exp,
            @QueryParam("sig") String sig) {
        Optional<StatusPage> page = pages.page(slug, exp, sig);
        return page.isEmpty()
                ? notFound()
                : ok(statusPage.data("page", page.get()).render(), MediaType.TEXT_HTML + ";charset=UTF-8");
    }

    @GET
    @Path("api/projects/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("slug") String slug, @QueryParam("exp") String exp,
            @QueryParam("sig") String sig) {
        Optional<StatusPage> page = pages.page(slug, exp, sig);
        return page.isEmpty() ? notFound() : ok(page.get(), MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("projects/{slug}/burndown.png")
    @Produces("image/png")
    public Response burndown(@PathParam("slug") String slug, @QueryParam("exp") String exp,
            @QueryParam("sig") String sig) {
        return pages.burndownPng(slug, exp, sig).map(png -> ok(png, "image/png"))
                .orElseGet(StatusPageResource::notFound);
    }

    @GET
    @Path("projects/{slug}/owner-does.png")
    @Produces("image/png")
    public Response levels(@PathParam("slug") String slug, @QueryParam("exp") String exp,
            @QueryParam("sig") String sig) {
        return pages.levelsPng(slug, exp, sig).map(png -> ok(png, "image/png")).orElseGet(StatusPageResource::notFound);
    }

    /**
     * The link's signature is in the address: not kept by caches, not sent on to the pages linked from here
     * (GitHub), not indexed.
     */
    private static Response ok(Object entity, String type) {
        return Response.ok(entity, type).header("Cache-Control", "private, no-store")
                .header("Referrer-Policy", "no-referrer").header("X-Robots-Tag", "noindex, nofollow")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).header("Cache-Control", "no-store").build();
    }
}
