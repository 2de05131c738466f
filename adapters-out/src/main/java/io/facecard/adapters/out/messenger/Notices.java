package io.facecard.adapters.out.messenger;

import io.facecard.application.messaging.port.Messenger;
import io.facecard.domain.messaging.Channel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Built-in texts of the service notices. On WeChat a receipt is a template message (purchase
 * receipt: account notices are what templates are for; no marketing words, fields of at most 20
 * characters); the welcome inside the scan's window is customer-service text.
 */
final class Notices {
    static final String RECEIPT_TEMPLATE = "facecard_receipt";
    static final String REFUND_TEMPLATE = "facecard_refund";

    private Notices() {}

    static Messenger.Message render(Channel channel, String type, Map<String, String> f, boolean marketing) {
        return switch (type) {
            case "RECEIPT" -> {
                String text = "Receipt " + f.get("receipt") + ": " + f.get("total") + " " + f.get("currency") + ". Points earned "
                        + f.get("earned") + ", balance " + f.get("balance") + ".";
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("receipt", f.get("receipt"));
                fields.put("amount", f.get("total") + " " + f.get("currency"));
                fields.put("points", "+" + f.get("earned"));
                fields.put("balance", f.get("balance"));
                yield new Messenger.Message(channel == Channel.WECHAT ? RECEIPT_TEMPLATE : null, fields, text, marketing);
            }
            case "REFUND" -> {
                String to = "STRIPE_FACE".equals(f.get("method")) ? "card" : "ALIPAY".equals(f.get("method")) ? "Alipay" : "WeChat Pay";
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("amount", f.get("amount") + " " + f.get("currency"));
                fields.put("to", to);
                yield new Messenger.Message(channel == Channel.WECHAT ? REFUND_TEMPLATE : null, fields, "Refund of " + f.get("amount") + " "
                        + f.get("currency") + " to your " + to + " is on its way.", marketing);
            }
            case "WELCOME" -> new Messenger.Message(null, Map.of(), "Your card is linked: receipts and points will arrive here.", marketing);
            default -> new Messenger.Message(null, Map.of(), f.getOrDefault("text", type), marketing);
        };
    }
}
