/** Ports out of the loyalty context, one per meaning: the program and terms, the ledger read model, the idempotency records, read-model rebuilds. */
package io.facecard.application.loyalty.port;
