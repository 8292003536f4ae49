package floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/items")
public class ItemResource {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public long count() {
        return Item.count();
    }
}
