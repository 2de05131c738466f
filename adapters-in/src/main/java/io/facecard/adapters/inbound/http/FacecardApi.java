package io.facecard.adapters.inbound.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
public class FacecardApi extends Application {}
