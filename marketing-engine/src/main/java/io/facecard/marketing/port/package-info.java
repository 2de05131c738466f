/** Ports out of marketing: the only way it sees members, purchases, consents and channel bindings of other contexts. */
package io.facecard.marketing.port;
