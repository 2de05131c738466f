package io.facecard.adapters.inbound.payment;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.payment.PaymentChecks;
import io.facecard.application.payment.port.WechatFaceDevices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The till's WeChat face device: its rawdata exchanged for an authinfo through our server (WeChat Pay API v2). */
@ApplicationScoped
@Path("/payments/wechat/face-authinfo")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WechatFaceResource {
    @Inject
    PaymentChecks checks;
    @Inject
    CurrentCaller caller;

    public record Request(String rawdata, String deviceId) {}

    public record Answer(String authinfo, int expiresIn) {}

    @POST
    public Answer authinfo(Request body) {
        var c = caller.get();
        var b = Bodies.required(body);
        WechatFaceDevices.AuthInfo a = checks.faceAuthinfo(c, b.rawdata(), b.deviceId());
        return new Answer(a.authinfo(), a.expiresInSeconds());
    }
}
