/**
 * The messaging context's use cases: binding a member's face ID to a WeChat or Telegram account, messenger accounts
 * and callbacks. Its ports ({@code .port}) include the Messenger each channel adapter implements under
 * {@code io.facecard.adapters.outbound.messaging.<channel>}. What may be sent when is marketing's delivery policy.
 */
package io.facecard.application.messaging;
