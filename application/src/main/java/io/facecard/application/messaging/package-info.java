/** Home of the messenger context (next issue): binding a member's face ID to a WeChat or Telegram account and, in {@code .port}, the Messenger port each channel adapter implements (in adapters-out under {@code io.facecard.adapters.out.messenger.<channel>}). What may be sent when is marketing-engine's delivery policy. */
package io.facecard.application.messaging;
