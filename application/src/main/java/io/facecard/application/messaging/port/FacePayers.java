package io.facecard.application.messaging.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.util.Optional;

/** Port out: the openid WeChat gave when the member paid by WeChat face-pay, if it belongs to {@code appid}. */
public interface FacePayers {
    Optional<String> wechatOpenid(TenantId tenant, MemberId member, String appid);
}
