/**
 * The messaging context's outbound adapters: channel bindings, messenger accounts, the outbox and its recipients in
 * PostgreSQL, and one subpackage per channel (wechat, telegram) implementing the Messenger port on the channel's API.
 */
package io.facecard.adapters.outbound.messaging;
