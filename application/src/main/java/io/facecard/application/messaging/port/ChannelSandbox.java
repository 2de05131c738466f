package io.facecard.application.messaging.port;

import java.util.List;
import java.util.Map;

/** Port out: the sandbox's messenger fakes acting as the outside world (a phone scanning a QR, a user opening a deep link). */
public interface ChannelSandbox {
    /** @return what the fake did: the event it pushed and our callback's status */
    Map<String, Object> wechatScan(String ticket, String openid);

    /** A follower of the official account {@code appid} writes to it. */
    Map<String, Object> wechatMessage(String appid, String openid, String text);

    Map<String, Object> telegramStart(String botToken, String token, String chatId);

    /** What the fake received for {@code to}, newest first. */
    List<Map<String, Object>> messages(String channel, String to);

    void advanceClock(long seconds);
}
