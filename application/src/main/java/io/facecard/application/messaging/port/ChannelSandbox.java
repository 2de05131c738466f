package io.facecard.application.messaging.port;

import java.util.List;
import java.util.Map;

/** Port out: the sandbox's messenger fakes acting as the outside world (a phone scanning a QR, a user opening a deep link). */
public interface ChannelSandbox {
    /**
     * A phone scans a QR of the official account {@code appid} (another account's ticket is unknown to it).
     *
     * @return what the fake did: the event it pushed and our callback's status
     */
    Map<String, Object> wechatScan(String appid, String ticket, String openid);

    /** A follower of the official account {@code appid} writes to it. */
    Map<String, Object> wechatMessage(String appid, String openid, String text);

    Map<String, Object> telegramStart(String botToken, String token, String chatId);

    /** What the fake received from {@code account} (an appid, a bot's id) for {@code to} (everyone when null), newest first. */
    List<Map<String, Object>> messages(String channel, String account, String to);

    void advanceClock(long seconds);
}
