package com.shopops.platform.server;

import com.shopops.api.CurrentUser;
import io.javalin.http.Context;
import java.util.Optional;

/** Who is making a request. */
public interface Access {

    /** The user behind the request, or empty when nobody is signed in. */
    Optional<CurrentUser> user(Context ctx);
}
