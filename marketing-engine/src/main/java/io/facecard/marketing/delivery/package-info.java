/** Delivery: the outbox every message leaves through and the channel policy (service notice or marketing, consent per purpose, each channel's windows and caps) applied before the Messenger port is called. */
package io.facecard.marketing.delivery;
